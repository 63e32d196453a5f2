package ai.alphacore.taskgen.template;

/** What a field of a resource is, which decides how its rule is chosen and how it is worded. */
public enum FieldRole {
  /** The resource's own identifier; gets the template's naming rule. */
  NAME,
  /** Names another resource of the task; carries that resource's naming rule. */
  REFERENCE,
  /** Any other pinned value (region, size, flag, script ...). */
  VALUE
}
