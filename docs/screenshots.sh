#!/usr/bin/env bash
# Makes the README's screenshots: the dashboard at 200x60 in the default theme and in the
# projector theme, and `smarketing present` following the chair, each in a real xterm with
# DejaVu Sans Mono under Xvfb (what a 1920x1080 projector shows). Run it from anywhere:
#
#   docs/screenshots.sh            # writes docs/dashboard-default.png, dashboard-projector.png, present.png
#
# Needs: xvfb xterm imagemagick fonts-dejavu-core tmux x11-utils
#   (apt-get install xvfb xterm imagemagick fonts-dejavu-core tmux x11-utils)
set -euo pipefail

cd "$(dirname "$0")/.."
for tool in Xvfb xterm import xwininfo tmux; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing; apt-get install xvfb xterm imagemagick tmux x11-utils" >&2; exit 1; }
done
fc-list | grep -q "DejaVu Sans Mono" || { echo "screenshots.sh: the DejaVu Sans Mono font is missing; apt-get install fonts-dejavu-core" >&2; exit 1; }

swift build --product smarketing >/dev/null
bin="$PWD/.build/debug/smarketing"
work=$(mktemp -d)
socket="smk-shots-$$"
display=":$((50 + $$ % 200))"
xvfb=""
cleanup() {
    pkill -f "xterm -T smk-shot-$$" 2>/dev/null || true
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 50); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.1; done

# shot FILE COMMAND...: runs the command in an xterm (10 pt DejaVu Sans Mono: 200x60 fills
# 1604x1024 of the 1920x1080 screen) and captures that window once it has drawn.
shot() {
    local file=$1
    shift
    DISPLAY="$display" xterm -T "smk-shot-$$" -tn xterm-256color -geometry 200x60+0+0 -fa "DejaVu Sans Mono" -fs 10 \
        -bg black -fg white -e env LANG=C.UTF-8 "$@" &
    local id=""
    for _ in $(seq 100); do
        id=$(xwininfo -display "$display" -root -tree | awk -v t="\"smk-shot-$$\":" 'index($0, t) { print $1; exit }')
        [ -n "$id" ] && break
        sleep 0.1
    done
    [ -n "$id" ] || { echo "screenshots.sh: the xterm window did not appear" >&2; exit 1; }
    sleep 2 # the dashboard's first frames
    import -display "$display" -window "$id" "$file"
    pkill -f "xterm -T smk-shot-$$" || true
    sleep 0.3
    echo "wrote $file"
}

cp sample-data/northwind.json "$work/northwind.json"
cp sample-data/northwind.json "$work/projector.json"

shot docs/dashboard-default.png "$bin" "$work/northwind.json"
shot docs/dashboard-projector.png "$bin" "$work/projector.json" --theme projector

# The chair, in a terminal of its own, starts the meeting and moves to the friction points; the
# presenter follows it.
tmux -L "$socket" -f /dev/null new-session -d -s chair -x 200 -y 60 "env TERM=xterm-256color LANG=C.UTF-8 $bin $work/northwind.json; sleep 600"
sleep 1
tmux -L "$socket" send-keys -t chair s 3 j j
shot docs/present.png "$bin" present "$work/northwind.json" --theme projector
