# Reads a PNG (8-bit RGB or RGBA, as Chromium writes) with only the standard library and prints
# what a test can check about a rendered page: size, mean luminance, share of red and of
# non-background pixels, and how many distinct colours (in 16 levels per channel) it holds.
import sys, struct, zlib, json
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw, stride = zlib.decompress(idat), w * bpp
prev, rows, i = bytearray(stride), [], 0
for _ in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
lum, reds, colours, ink = 0, 0, set(), 0
bg = tuple(rows[0][0:3])
for line in rows:
    for x in range(0, stride, bpp):
        r, g, b = line[x], line[x + 1], line[x + 2]
        lum += 0.299 * r + 0.587 * g + 0.114 * b
        if r > 150 and g < 110 and b < 110: reds += 1
        if abs(r - bg[0]) + abs(g - bg[1]) + abs(b - bg[2]) > 60: ink += 1
        colours.add((r >> 4, g >> 4, b >> 4))
print(json.dumps({'width': w, 'height': h, 'luminance': lum / (w * h), 'red': reds / (w * h), 'ink': ink / (w * h), 'colours': len(colours)}))
