package ai.alphacore.taskgen;

import ai.alphacore.taskgen.family.Bank;

/**
 * What to generate: anything the config allows (all null), a bank, a family, or one template
 * with its dependencies ({@code resource}).
 */
public record Selection(Bank bank, String family, String resource) {
  public static final Selection ANY = new Selection(null, null, null);

  public static Selection family(String f) {
    return new Selection(null, f, null);
  }

  public static Selection resource(String r) {
    return new Selection(null, null, r);
  }

  public static Selection bank(Bank b) {
    return new Selection(b, null, null);
  }
}
