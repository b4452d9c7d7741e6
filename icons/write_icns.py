"""Writes a macOS .icns whose every entry is a PNG, the form macOS has read since 10.7.

usage: python3 write_icns.py OUT.icns PREFIX   (reads PREFIX-N.png for N = 16 ... 1024)

An .icns is the magic 'icns' and the file length, then entries of a four-letter type, the entry's
length (8 header bytes included) and the PNG bytes. Each type names one pixel size; the @2x
(Retina) types reuse the PNG of twice the size.
"""
import struct
import sys

ENTRIES = [  # (type, pixel size)
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64),
    (b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024),  # ic10 = 512@2x
    (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),     # 16@2x ... 256@2x
]


def main(out, prefix):
    body = b""
    for kind, size in ENTRIES:
        with open(f"{prefix}-{size}.png", "rb") as f:
            png = f.read()
        body += kind + struct.pack(">I", 8 + len(png)) + png
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)


if __name__ == "__main__":
    main(*sys.argv[1:])
