/**
 * Published models in and out: Hugging Face-layout checkpoints (safetensors, config.json, vocab.txt,
 * tokenizer.json) and ONNX, imported into and exported from our parameters by name.
 */
package org.ernie4j.core.interop;
