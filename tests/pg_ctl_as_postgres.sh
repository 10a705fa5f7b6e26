#!/usr/bin/env bash
# pg_ctl for pytest-postgresql that also works as root (our CI runs tests as root).
# pg_ctl and postgres refuse to run as root, so as root this hands the data, socket
# and log paths it is given to the `postgres` system user and runs the real pg_ctl
# as that user. As any other user it simply execs the real pg_ctl.
#
# The real pg_ctl: $PG_CTL_REAL if set (tests/postgres_server.py sets it), else the
# one on PATH, else the newest /usr/lib/postgresql/*/bin/pg_ctl (Debian keeps it off PATH).
set -euo pipefail

PG_USER=postgres

die() {
    echo "pg_ctl_as_postgres.sh: $*" >&2
    exit 1
}

find_real_pg_ctl() {
    if [[ -n ${PG_CTL_REAL:-} ]]; then
        printf '%s\n' "$PG_CTL_REAL"
    elif command -v pg_ctl; then
        :
    else
        local newest
        newest=$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
        [[ -x $newest ]] || die "PostgreSQL server binaries (pg_ctl) not found; install Debian package postgresql"
        printf '%s\n' "$newest"
    fi
}

real=$(find_real_pg_ctl)
[[ -x $real ]] || die "not an executable pg_ctl: $real"

if [[ $(id -u) -ne 0 ]]; then
    exec "$real" "$@"
fi

id -u "$PG_USER" >/dev/null 2>&1 \
    || die "running as root needs a '$PG_USER' system user (Debian package postgresql creates it)"

# Let $PG_USER reach PATH: add only search (x) permission to ancestors that lack it,
# e.g. pytest's 0700 /tmp/pytest-of-root.
make_reachable() {
    local dir
    dir=$(dirname -- "$1")
    while [[ $dir != / ]]; do
        if [[ -d $dir ]] && ! runuser_can_search "$dir"; then
            chmod o+x -- "$dir"
        fi
        dir=$(dirname -- "$dir")
    done
}

# Mode bits are enough here: the paths we touch are owned by root or by $PG_USER.
runuser_can_search() {
    local mode owner
    read -r mode owner < <(stat -c '%a %U' -- "$1")
    [[ $owner == "$PG_USER" ]] || ((8#$mode & 8#001))
}

# Data directory: initdb needs to own it; create it if pg_ctl initdb will fill it.
own_datadir() {
    local dir=$1
    make_reachable "$dir"
    if [[ ! -e $dir ]]; then
        mkdir -p -- "$dir"
        chmod 700 -- "$dir"
    fi
    if [[ $(stat -c %U -- "$dir") != "$PG_USER" ]]; then
        chown -R "$PG_USER:" -- "$dir"
    fi
}

# Log file: pg_ctl opens it as $PG_USER in a directory it may not write.
own_logfile() {
    local file=$1
    make_reachable "$file"
    [[ -e $file ]] || : >"$file"
    chown "$PG_USER:" -- "$file"
}

# Socket directory: leave shared sticky dirs such as /tmp alone, own the rest.
own_socketdir() {
    local dir=$1
    [[ $dir == /* ]] || return 0 # relative to the data directory, which we own
    make_reachable "$dir"
    if [[ ! -e $dir ]]; then
        mkdir -p -- "$dir"
    fi
    if (((8#$(stat -c %a -- "$dir") & 8#1002) == 8#1002)); then
        return 0
    fi
    chown "$PG_USER:" -- "$dir"
}

# Socket directories named in a postgres -o string:
#   -c unix_socket_directories='/a, /b'  or  -c unix_socket_directories=/a
socketdirs_in_options() {
    local opts=$1 value
    if [[ $opts =~ unix_socket_directories=\'([^\']*)\' ]] \
        || [[ $opts =~ unix_socket_directories=([^[:space:]]+) ]]; then
        value=${BASH_REMATCH[1]}
        local IFS=,
        for dir in $value; do
            dir="${dir#"${dir%%[![:space:]]*}"}"
            [[ -n $dir ]] && printf '%s\n' "$dir"
        done
    fi
    return 0
}

args=()
datadir=""
logfile=""
options=()
while (($#)); do
    arg=$1
    shift
    case $arg in
        -D | --pgdata | -l | --log | -o | --options)
            (($#)) || die "missing value after $arg"
            value=$1
            shift
            ;;
        --pgdata=* | --log=* | --options=*)
            value=${arg#*=}
            arg=${arg%%=*}
            ;;
        *)
            args+=("$arg")
            continue
            ;;
    esac
    case $arg in
        -D | --pgdata)
            datadir=$(realpath -m -- "$value")
            value=$datadir
            ;;
        -l | --log)
            logfile=$(realpath -m -- "$value")
            value=$logfile
            ;;
        -o | --options) options+=("$value") ;;
    esac
    args+=("$arg" "$value")
done

if [[ -n $datadir ]]; then
    own_datadir "$datadir"
fi
if [[ -n $logfile ]]; then
    own_logfile "$logfile"
fi
for opts in ${options[@]+"${options[@]}"}; do
    while IFS= read -r dir; do
        own_socketdir "$dir"
    done < <(socketdirs_in_options "$opts")
done

# The caller's working directory may be closed to $PG_USER; all paths are absolute now.
cd /
exec runuser -u "$PG_USER" -- "$real" ${args[@]+"${args[@]}"}
