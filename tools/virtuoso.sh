#!/usr/bin/env bash
# A throwaway Virtuoso (Debian's virtuoso-opensource) for the tests of `--store URL`: a fresh database in FOLDER,
# SQL and HTTP on free ports of 127.0.0.1, a user allowed SPARQL updates. It prints
#     READY http://127.0.0.1:PORT USER PASSWORD
# once it answers, then runs until it is sent SIGTERM or SIGINT (it stops Virtuoso and exits).
#     tools/virtuoso.sh FOLDER [USER] [PASSWORD]
set -euo pipefail
dir=$(realpath -m "${1:?usage: tools/virtuoso.sh FOLDER [USER] [PASSWORD]}")
user=${2:-kg}
password=${3:-kg-secret}
command -v virtuoso-t >/dev/null || { echo "virtuoso-t is not installed (apt-get install virtuoso-opensource)" >&2; exit 2; }
mkdir -p "$dir"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sql=$(free_port)
http=$(free_port)
cat >"$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$sql
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., $dir
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
MaxQueryMem = 500M
ThreadsPerQuery = 1
; one thread per query: with 2, a SELECT DISTINCT run right after a load now and then gave a row twice (statements-about)
[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 8
MaxKeepAlives = 8
KeepAliveTimeout = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
DefaultQuery = SELECT * WHERE { ?s ?p ?o } LIMIT 10
INI
cd "$dir"
virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1 &
server=$!
stop() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap 'stop; exit 0' TERM INT
trap stop EXIT
for _ in $(seq 1 300); do
  if isql-vt "127.0.0.1:$sql" dba dba exec="SELECT 1;" >/dev/null 2>&1; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$dir/virtuoso.log" >&2; exit 1; }
  sleep 0.2
done
isql-vt "127.0.0.1:$sql" dba dba >/dev/null <<SQL
DB.DBA.USER_CREATE('$user', '$password');
GRANT SPARQL_UPDATE TO "$user";
GRANT SPARQL_SELECT TO "$user";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('$user', 7);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 1);
SQL
echo "READY http://127.0.0.1:$http $user $password"
wait "$server"
