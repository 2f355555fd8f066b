#!/usr/bin/env bash
# SOS past one machine, on real parts, all on this machine and all thrown away on exit:
#   a PostgreSQL primary and a streaming replica (Debian's PostgreSQL: initdb, pg_basebackup, pg_ctl),
#   N SOS instances (node start.js; DATABASE_URL = primary, DATABASE_READ_URL = replica),
#   HAProxy (Debian's package) in front of them, with health checks.
#
#   scripts/scale-out.sh                 build, start everything, print the addresses, wait for Ctrl-C
#   scripts/scale-out.sh -- CMD ARGS…    the same, then run CMD (SCALE_OUT_* in its environment), stop, exit with its status
#
# Options: --instances N (default 3), --no-build (use the existing build/), --sos-log (instances' output on stderr),
#          --reads primary (instances without DATABASE_READ_URL: results read from the primary, for comparison).
# The instances get the caller's environment (e.g. SOS_SCHEDULER=off, SOS_DEMO=on, SOS_RESPONSE_KEY).
# Once all is up it prints one line `SCALE-OUT READY {json}` (haproxy, stats, primary, replica, instances[{url,pid}]).
# Needs: /usr/lib/postgresql/<version>/bin (package postgresql), haproxy (package haproxy), node ≥ 20.19.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
INSTANCES=3
BUILD=1
SOS_LOG=0
READS=replica
while [ $# -gt 0 ]; do
	case "$1" in
	--instances) INSTANCES="$2"; shift 2 ;;
	--no-build) BUILD=0; shift ;;
	--sos-log) SOS_LOG=1; shift ;;
	--reads) READS="$2"; shift 2 ;;
	--) shift; break ;;
	*) echo "scale-out: unknown option $1" >&2; exit 2 ;;
	esac
done
[ "$READS" = replica ] || [ "$READS" = primary ] || { echo "scale-out: --reads is primary or replica" >&2; exit 2; }
log() { echo "scale-out: $*" >&2; }

PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[ -x "$PGBIN/pg_basebackup" ] || { log "no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)"; exit 1; }
command -v haproxy >/dev/null || { log "haproxy is not installed (apt-get install -y haproxy)"; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sos-scale-out-XXXXXX")"
chmod 755 "$WORK"
# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$WORK/pg" && chown postgres: "$WORK/pg"
	as_pg() { runuser -u postgres -- "$@"; }
else
	mkdir -p "$WORK/pg"
	as_pg() { "$@"; }
fi

SOS_PIDS=()
HAPROXY_PID=""
WAITER=""
cleanup() {
	local code=$?
	trap - EXIT INT TERM
	[ -n "$WAITER" ] && kill "$WAITER" 2>/dev/null || true
	for pid in "${SOS_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
	[ -n "$HAPROXY_PID" ] && kill -TERM "$HAPROXY_PID" 2>/dev/null || true
	for _ in $(seq 50); do
		local alive=0
		for pid in "${SOS_PIDS[@]}" $HAPROXY_PID; do kill -0 "$pid" 2>/dev/null && alive=1; done
		[ $alive = 0 ] && break
		sleep 0.1
	done
	for pid in "${SOS_PIDS[@]}" $HAPROXY_PID; do kill -KILL "$pid" 2>/dev/null || true; done
	for node in replica primary; do
		[ -f "$WORK/pg/$node/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/$node" -m immediate -w stop >/dev/null 2>&1 || true
	done
	if [ "${SCALE_OUT_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
	log "stopped and removed everything"
	exit $code
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Free ports, all taken at once so that none is handed out twice.
read -r -a PORTS <<<"$(node -e '
	const net = require("node:net");
	const n = Number(process.argv[1]);
	const servers = Array.from({ length: n }, () => net.createServer().listen(0, "127.0.0.1"));
	Promise.all(servers.map((s) => new Promise((r) => s.on("listening", r)))).then(() => {
		console.log(servers.map((s) => s.address().port).join(" "));
		servers.forEach((s) => s.close());
	});' $((INSTANCES + 4)))"
PRIMARY_PORT=${PORTS[0]}
REPLICA_PORT=${PORTS[1]}
HAPROXY_PORT=${PORTS[2]}
STATS_PORT=${PORTS[3]}

if [ $BUILD = 1 ]; then
	log "building SOS once"
	(cd "$ROOT" && npx vite build --logLevel warn) >&2
fi
[ -f "$ROOT/build/handler.js" ] || { log "SOS is not built (run without --no-build)"; exit 1; }

# The same settings on both: a hot standby needs at least the primary's max_connections.
PG_OPTS="-c listen_addresses=127.0.0.1 -c unix_socket_directories='$WORK/pg' -c max_connections=300 -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on -c hot_standby_feedback=on"
log "PostgreSQL primary on port $PRIMARY_PORT ($PGBIN)"
as_pg "$PGBIN/initdb" -D "$WORK/pg/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/primary" -l "$WORK/pg/primary.log" -o "-p $PRIMARY_PORT $PG_OPTS" -w start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres sos

log "streaming replica on port $REPLICA_PORT (pg_basebackup)"
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/pg/replica" -R -X stream -c fast
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg/replica" -l "$WORK/pg/replica.log" -o "-p $REPLICA_PORT $PG_OPTS" -w start >/dev/null
for _ in $(seq 100); do
	state=$(as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -Atc "select state from pg_stat_replication" 2>/dev/null || true)
	[ "$state" = streaming ] && break
	sleep 0.1
done
[ "$state" = streaming ] || { log "the replica is not streaming"; cat "$WORK/pg/replica.log" >&2; exit 1; }

PRIMARY_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/sos"
REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/sos"
PUBLIC_URL="http://127.0.0.1:$HAPROXY_PORT"
READ_URL="$REPLICA_URL"
[ "$READS" = primary ] && READ_URL=""
# Instances share one response key (answers sealed by one are opened by another).
export SOS_RESPONSE_KEY="${SOS_RESPONSE_KEY:-$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64"))')}"

log "$INSTANCES SOS instances (results read from the $READS)"
for i in $(seq "$INSTANCES"); do
	port=${PORTS[$((3 + i))]}
	mkdir -p "$WORK/sos-$i"
	(
		cd "$ROOT"
		DATABASE_URL="$PRIMARY_URL" DATABASE_READ_URL="$READ_URL" PORT="$port" HOST=127.0.0.1 ORIGIN="$PUBLIC_URL" \
			SOS_DATA_DIR="$WORK/sos-$i" SOS_DEMO="${SOS_DEMO:-off}" exec node start.js
	) >"$WORK/sos-$i.log" 2>&1 &
	SOS_PIDS+=($!)
	[ $SOS_LOG = 1 ] && tail -n +1 -f "$WORK/sos-$i.log" --pid=$! >&2 &
done
for i in $(seq "$INSTANCES"); do
	for _ in $(seq 600); do
		grep -q 'SOS is running at' "$WORK/sos-$i.log" && break
		kill -0 "${SOS_PIDS[$((i - 1))]}" 2>/dev/null || { log "instance $i exited:"; cat "$WORK/sos-$i.log" >&2; exit 1; }
		sleep 0.1
	done
	grep -q 'SOS is running at' "$WORK/sos-$i.log" || { log "instance $i did not start:"; cat "$WORK/sos-$i.log" >&2; exit 1; }
done

# HAProxy: round robin; a server is checked every 500 ms and out after 3 failed checks; a request whose
# connection is refused (an instance just died) is sent to another server (retries + redispatch).
{
	cat <<EOF
global
	maxconn 4096
defaults
	mode http
	timeout connect 1s
	timeout client 60s
	timeout server 60s
	timeout http-keep-alive 10s
	retries 3
	option redispatch 1
	option forwardfor
frontend sos
	bind 127.0.0.1:$HAPROXY_PORT
	default_backend instances
backend instances
	balance roundrobin
	option httpchk
	http-check send meth GET uri /signin ver HTTP/1.1 hdr Host 127.0.0.1
	http-check expect status 200
	# A busy instance may take seconds to answer (a killed one refuses at once, and is out after 3 checks).
	timeout check 5s
	default-server inter 500ms fall 3 rise 2
EOF
	for i in $(seq "$INSTANCES"); do echo "	server sos-$i 127.0.0.1:${PORTS[$((3 + i))]} check"; done
	cat <<EOF
listen stats
	bind 127.0.0.1:$STATS_PORT
	stats enable
	stats uri /
EOF
} >"$WORK/haproxy.cfg"
haproxy -c -q -f "$WORK/haproxy.cfg"
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
for _ in $(seq 100); do
	up=$(curl -fsS "http://127.0.0.1:$STATS_PORT/;csv" 2>/dev/null | awk -F, '$1=="instances" && $2 ~ /^sos-/ && $18=="UP"' | wc -l || true)
	[ "$up" = "$INSTANCES" ] && break
	sleep 0.1
done
[ "$up" = "$INSTANCES" ] || { log "HAProxy does not see all instances up"; cat "$WORK/haproxy.log" >&2; exit 1; }

instances=""
for i in $(seq "$INSTANCES"); do
	instances+="${instances:+,}{\"url\":\"http://127.0.0.1:${PORTS[$((3 + i))]}\",\"pid\":${SOS_PIDS[$((i - 1))]}}"
done
log "SOS at $PUBLIC_URL (HAProxy; stats at http://127.0.0.1:$STATS_PORT/), primary $PRIMARY_URL, replica $REPLICA_URL, logs in $WORK"
echo "SCALE-OUT READY {\"haproxy\":\"$PUBLIC_URL\",\"stats\":\"http://127.0.0.1:$STATS_PORT/\",\"primary\":\"$PRIMARY_URL\",\"replica\":\"$REPLICA_URL\",\"dir\":\"$WORK\",\"instances\":[$instances]}"

if [ $# -gt 0 ]; then
	SCALE_OUT_URL="$PUBLIC_URL" SCALE_OUT_PRIMARY="$PRIMARY_URL" SCALE_OUT_REPLICA="$REPLICA_URL" "$@"
	exit $?
fi
log "press Ctrl-C to stop and remove everything"
sleep infinity &
WAITER=$!
wait $WAITER
