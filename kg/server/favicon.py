"""The site icon: three linked nodes in the type colours on the header's dark blue, drawn here as an ICO.

Drawn in code (a 32 px and a 16 px PNG inside one ICO), so the repository holds no binary image and
the wheel needs no extra package data.
"""

from __future__ import annotations

import math
import struct
import zlib
from functools import lru_cache

from kg.export.style import TYPE_COLORS, rgb

_BACKGROUND = rgb("#1d2330")
_LINE = rgb("#dfe7f5")
# Node centres and radii on a 32 x 32 grid: a person, an organization and a country, linked.
_NODES = ((9.0, 22.0, 5.2, rgb(TYPE_COLORS["Person"])), (22.5, 9.0, 5.2, rgb(TYPE_COLORS["Organization"])),
          (23.5, 23.0, 4.6, rgb(TYPE_COLORS["Country"])))
_EDGES = ((0, 1), (1, 2), (0, 2))


def _segment_distance(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    t = max(0.0, min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
    return math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay))


def _sample(x: float, y: float) -> tuple[int, int, int, int]:
    """The colour at (x, y) on the 32-unit grid: transparent outside the rounded square."""
    corner, r = 6.0, 32.0
    cx, cy = min(max(x, corner), r - corner), min(max(y, corner), r - corner)
    if math.hypot(x - cx, y - cy) > corner:
        return (0, 0, 0, 0)
    for nx, ny, radius, color in _NODES:
        d = math.hypot(x - nx, y - ny)
        if d <= radius:
            return (*(_LINE if d > radius - 1.2 else color), 255)
    for i, j in _EDGES:
        if _segment_distance(x, y, _NODES[i][:2], _NODES[j][:2]) <= 1.1:
            return (*_LINE, 255)
    return (*_BACKGROUND, 255)


def _png(size: int) -> bytes:
    """An RGBA PNG of the icon at `size` pixels, 4 x 4 samples per pixel."""
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(4):
                for sx in range(4):
                    c = _sample((px + (sx + 0.5) / 4) * 32 / size, (py + (sy + 0.5) / 4) * 32 / size)
                    acc = [acc[0] + c[0] * c[3], acc[1] + c[1] * c[3], acc[2] + c[2] * c[3], acc[3] + c[3]]
            alpha = acc[3] / 16
            row += bytes([round(acc[k] / acc[3]) if acc[3] else 0 for k in range(3)] + [round(alpha)])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


@lru_cache(maxsize=1)
def favicon_ico() -> bytes:
    """An ICO file holding the icon at 16 and 32 pixels (PNG entries, which every current browser reads)."""
    images = [_png(16), _png(32)]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in zip((16, 32), images, strict=True):
        out += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(images)
