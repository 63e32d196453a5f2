package ai.alphacore.validation;
