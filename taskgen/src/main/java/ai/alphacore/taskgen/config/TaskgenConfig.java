package ai.alphacore.taskgen.config;

import ai.alphacore.taskgen.family.Bank;
import java.nio.file.Path;
import java.util.Map;

/**
 * The generator config, same hierarchy as the reference's task_config.yaml:
 * {@code providers -> task_banks -> families}, plus {@code settings}.
 *
 * @param banks per bank; a bank absent from the map is disabled
 */
public record TaskgenConfig(String provider, Map<Bank, BankConfig> banks, String validatorSa, Path repositoryPath, LlmConfig llm) {
  public TaskgenConfig {
    java.util.EnumMap<Bank, BankConfig> m = new java.util.EnumMap<>(Bank.class);
    m.putAll(banks);
    banks = java.util.Collections.unmodifiableMap(m);
  }

  public BankConfig bank(Bank b) {
    return banks.get(b);
  }

  public TaskgenConfig withValidatorSa(String sa) {
    return new TaskgenConfig(provider, banks, sa, repositoryPath, llm);
  }

  public TaskgenConfig withLlm(LlmConfig l) {
    return new TaskgenConfig(provider, banks, validatorSa, repositoryPath, l);
  }
}
