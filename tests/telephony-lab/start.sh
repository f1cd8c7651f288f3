#!/usr/bin/env bash
# Starts the local PBX chain the softphone tests call through, all on 127.0.0.1:
#   rtpengine (media relay, WebRTC <-> plain RTP, ng on 2223), kamailio (SIP over WebSocket ws://127.0.0.1:8088,
#   UDP 5060), baresip (user agent "echo" on UDP 5090 that auto-answers with a 440 Hz tone; control port 4444).
# Needs Debian packages: kamailio kamailio-websocket-modules rtpengine-daemon baresip-core (.ci/run installs them).
# Usage: start.sh RUN_DIR   (configs, pids, logs, sockets and recordings all go to RUN_DIR; nothing else in /tmp)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
run=${1:?usage: start.sh RUN_DIR}
mkdir -p "$run/rec"
run=$(cd "$run" && pwd)

busy=$(ss -Hltun 2>/dev/null | awk '{print $5}' | grep -E ':(8088|5060|5090|4444|2223)$' || true)
if [ -n "$busy" ]; then echo "telephony lab: ports already taken (another lab running?): $busy" >&2; exit 1; fi

sed "s#@RUN_DIR@#$run#g" "$here/kamailio/kamailio.cfg" >"$run/kamailio.cfg"
rm -rf "$run/baresip-conf" && mkdir -p "$run/baresip-conf"
cp "$here/baresip/accounts" "$run/baresip-conf/accounts"
sed "s#@RUN_DIR@#$run#g" "$here/baresip/config" >"$run/baresip-conf/config"

# --delete-delay=1: an ended call's ports come back after 1 s, not rtpengine's default 30 s; the softphone bench's
# 60 calls a minute otherwise ran the 200 ports out ("Ran out of ports": 488 to the 57th call). 1,000 ports: a call
# declined or cancelled used to keep its ports until rtpengine's own timeout (kamailio.cfg deleted the session on
# BYE and CANCEL only; its failure_route now does it on a 4xx/5xx/6xx answer too), and the bench's 31 rounds (4
# calls each, 2 of them declined or cancelled) ran 200 ports out at round ~25; the margin is kept.
rtpengine --foreground --log-stderr --table=-1 --interface=127.0.0.1 --listen-ng=127.0.0.1:2223 --delete-delay=1 \
  --port-min=30000 --port-max=30999 --pidfile="$run/rtpengine.pid" >"$run/rtpengine.log" 2>&1 </dev/null &
echo $! >"$run/rtpengine.pid"
kamailio -DD -E -f "$run/kamailio.cfg" -P "$run/kamailio.pid.file" >"$run/kamailio.log" 2>&1 </dev/null &
echo $! >"$run/kamailio.pid"
baresip -f "$run/baresip-conf" >"$run/baresip.log" 2>&1 </dev/null &
echo $! >"$run/baresip.pid"

# Ready when each daemon listens (never a fixed sleep): kamailio's WebSocket, rtpengine's ng port, baresip's control port.
for _ in $(seq 1 100); do
  up=$(ss -Hltun 2>/dev/null | awk '{print $5}')
  if grep -q ':8088$' <<<"$up" && grep -q ':2223$' <<<"$up" && grep -q ':4444$' <<<"$up" && grep -q ':5090$' <<<"$up"; then
    echo "telephony lab up: ws://127.0.0.1:8088 (dial sip:echo@127.0.0.1), logs in $run"
    exit 0
  fi
  sleep 0.1
done
echo "telephony lab: not up after 10 s, see $run/*.log" >&2
"$here/stop.sh" "$run"
exit 1
