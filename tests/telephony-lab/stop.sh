#!/usr/bin/env bash
# Stops what start.sh started in RUN_DIR, by the pids it recorded, and waits until they are gone.
run=${1:?usage: stop.sh RUN_DIR}
pids=()
for f in baresip kamailio rtpengine; do
  if [ -f "$run/$f.pid" ]; then
    pid=$(cat "$run/$f.pid")
    kill "$pid" 2>/dev/null && pids+=("$pid")
    rm -f "$run/$f.pid"
  fi
done
for _ in $(seq 1 50); do
  alive=0
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ $alive = 0 ] && exit 0
  sleep 0.1
done
for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
exit 0
