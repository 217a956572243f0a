#!/usr/bin/env bash
# The Debian packages the tests use, beside what npm installs:
#   chromium              real browser for the report page and the add-in pane (playwright-core drives it)
#   libreoffice-calc-nogui  a second spreadsheet client that must open what `normalize` writes
#   libreoffice-writer-nogui  a second word processor that must open the 督办通知单 `notices` writes
#   libxml2-utils         xmllint, to validate manifest.xml offline against Microsoft's schemas
#   fonts-noto-cjk        Chinese glyphs for Chromium and LibreOffice (office PCs have their own CJK fonts)
set -euo pipefail
PACKAGES=(chromium fonts-noto-cjk libreoffice-calc-nogui libreoffice-writer-nogui libxml2-utils)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
