package ai.alphacore.sandbox.intake;

import java.util.List;

/**
 * What an extraction did.
 *
 * @param entries central-directory entries seen (directories included)
 * @param bytes decompressed bytes actually read, kept or not
 * @param kept files kept by the sanitizer, normalised paths in archive order
 * @param dropped entries the sanitizer removed (never written)
 * @param directories directories created, explicit and implied
 */
public record ExtractionReport(int entries, long bytes, List<String> kept, List<String> dropped, List<String> directories) {}
