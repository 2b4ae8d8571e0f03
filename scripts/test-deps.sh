#!/usr/bin/env bash
# The first step of the test command: installs what its browser test needs
# and a new machine lacks, Debian's chromium (tests/html_view.rs renders the
# HTML view in it). Only where it is missing, and only as root with apt-get
# (as CI runs); anywhere else it says that the browser test will skip, and
# succeeds. KASHF_CHROMIUM=PATH names another Chromium or Chrome instead.
set -uo pipefail

if [ -n "${KASHF_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-deps: installing Debian's chromium for the HTML view's browser test"
    if apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
        exit 0
    fi
fi
echo "test-deps: no chromium (Debian: apt-get install chromium): the HTML view's browser test will skip"
