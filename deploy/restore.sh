#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into an EMPTY database, then the media.
#
#   deploy/restore.sh /var/backups/inklusi/db/inklusi-20260101-031500.dump
#   MEDIA_BACKUP=/var/backups/inklusi/media deploy/restore.sh DUMP   # media too
#
# DATABASE_URL (and MEDIA_ROOT) come from the environment or /etc/inklusi/inklusi.env, as in
# backup.sh. The database must exist and be empty (dropdb + createdb): restoring over live
# tables would mix two states. Afterwards run `manage.py migrate` (when the code is newer than
# the backup) and `manage.py summaries --check`; docs/deploy.md, "Backups".
set -euo pipefail
umask 077
dump=${1:?usage: deploy/restore.sh DUMP_FILE}
[ -r "$dump" ] || { echo "restore.sh: cannot read $dump" >&2; exit 2; }

ENV_FILE=${ENV_FILE:-/etc/inklusi/inklusi.env}
if [ -r "$ENV_FILE" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      DATABASE_URL=* | MEDIA_ROOT=*)
        key=${line%%=*}
        value=${line#*=}
        value=${value%\"}; value=${value#\"}; value=${value%\'}; value=${value#\'}
        if [ -z "${!key:-}" ]; then export "$key=$value"; fi
        ;;
    esac
  done <"$ENV_FILE"
fi
: "${DATABASE_URL:?DATABASE_URL is not set (put it in $ENV_FILE or the environment)}"

tables=$(psql --dbname="$DATABASE_URL" -Atc \
  "select count(*) from information_schema.tables where table_schema = 'public'")
if [ "$tables" != 0 ]; then
  echo "restore.sh: the database already has $tables tables; restore into an empty one" \
    "(dropdb, createdb)" >&2
  exit 2
fi

pg_restore --no-owner --no-privileges --exit-on-error --jobs="${RESTORE_JOBS:-2}" \
  --dbname="$DATABASE_URL" "$dump"
echo "$(date -Is) database restored from $dump"

if [ -n "${MEDIA_BACKUP:-}" ]; then
  media_root=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/var/media}
  mkdir -p "$media_root"
  rsync -a "$MEDIA_BACKUP/" "$media_root/"
  echo "$(date -Is) media restored from $MEDIA_BACKUP to $media_root"
fi
