#!/usr/bin/env bash
# Makes every icon file Firesight ships from the two source drawings in src/main/svg/:
#   src/main/resources/dev/firesight/icons/firesight-N.png      app icon, N = 16 ... 1024 (in the jar,
#   src/main/resources/dev/firesight/icons/firesight-jfr-N.png  .jfr document icon   for stage.getIcons())
#   platform/firesight.ico, platform/firesight-jfr.ico           Windows, multi-size (16 ... 256)
#   platform/firesight.icns, platform/firesight-jfr.icns         macOS (16 ... 1024)
# The outputs are committed, so the build needs none of these tools; run this again after editing an
# SVG and commit the results with it. Needs (Debian): librsvg2-bin icoutils python3.
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool python3; do
    command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing; apt-get install librsvg2-bin icoutils python3" >&2; exit 1; }
done

SIZES="16 24 32 48 64 128 256 512 1024"
ICO_SIZES="16 24 32 48 64 128 256"          # 256 is the largest size an .ico entry can hold
png_dir=src/main/resources/dev/firesight/icons
mkdir -p "$png_dir" platform

for name in firesight firesight-jfr; do
    for size in $SIZES; do
        rsvg-convert --width "$size" --height "$size" "src/main/svg/$name.svg" --output "$png_dir/$name-$size.png"
    done
    # Small sizes as classic bitmaps (every Windows reads them), 256 as an embedded PNG (Vista on).
    icotool --create --output "platform/$name.ico" \
        $(for s in $ICO_SIZES; do [ "$s" = 256 ] && echo "--raw=$png_dir/$name-$s.png" || echo "$png_dir/$name-$s.png"; done)
    python3 write_icns.py "platform/$name.icns" "$png_dir/$name"
    # Linux packages take a PNG; jpackage installs it as the menu and file-type icon.
    cp "$png_dir/$name-256.png" "platform/$name.png"
done
echo "generate.sh: wrote $(ls "$png_dir" | wc -l) PNGs and $(ls platform | wc -l) platform files"
