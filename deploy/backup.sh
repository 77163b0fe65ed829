#!/usr/bin/env bash
# Nightly backup of Inklusi: the PostgreSQL database and the uploaded media.
#
#   deploy/backup.sh                  # reads /etc/inklusi/inklusi.env when it exists
#   ENV_FILE=/path/to/env deploy/backup.sh
#
# Writes, under BACKUP_DIR (default /var/backups/inklusi):
#   db/inklusi-YYYYMMDD-HHMMSS.dump   pg_dump custom format (restore with pg_restore)
#   media/                            a mirror of MEDIA_ROOT (or of the S3/MinIO bucket)
#   media-changed/YYYYMMDD-HHMMSS/    media files deleted or replaced since the previous run
# and removes dumps and media-changed folders older than KEEP_DAYS (default 14).
#
# Cron example (03:15 every night, as the user that can read MEDIA_ROOT):
#   15 3 * * * /srv/inklusi/deploy/backup.sh >>/var/log/inklusi-backup.log 2>&1
# Restore: see docs/deploy.md, "Backups".
set -euo pipefail
umask 077

ENV_FILE=${ENV_FILE:-/etc/inklusi/inklusi.env}
# Take only what the backup needs from the service's environment file. The file is not
# sourced: values such as DEFAULT_FROM_EMAIL="Inklusi <noreply@...>" are not shell syntax.
if [ -r "$ENV_FILE" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      DATABASE_URL=* | MEDIA_ROOT=* | AWS_*=*)
        key=${line%%=*}
        value=${line#*=}
        value=${value%\"}; value=${value#\"}; value=${value%\'}; value=${value#\'}
        if [ -z "${!key:-}" ]; then export "$key=$value"; fi
        ;;
    esac
  done <"$ENV_FILE"
fi

BACKUP_DIR=${BACKUP_DIR:-/var/backups/inklusi}
KEEP_DAYS=${KEEP_DAYS:-14}
STAMP=$(date +%Y%m%d-%H%M%S)
: "${DATABASE_URL:?DATABASE_URL is not set (put it in $ENV_FILE or the environment)}"

case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *)
    echo "backup.sh: DATABASE_URL must be a postgres:// or postgresql:// URL" >&2
    exit 2
    ;;
esac

mkdir -p "$BACKUP_DIR/db" "$BACKUP_DIR/media" "$BACKUP_DIR/media-changed"
status=0

# 1. Database: custom format (compressed, restorable table by table), written under a
#    temporary name and renamed only once complete and readable.
dump="$BACKUP_DIR/db/inklusi-$STAMP.dump"
pg_dump --format=custom --no-owner --no-privileges --file="$dump.part" --dbname="$DATABASE_URL"
pg_restore --list "$dump.part" >/dev/null
mv "$dump.part" "$dump"
echo "$(date -Is) database: $dump ($(du -h "$dump" | cut -f1))"

# 2. Media.
if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
  # Uploads live in an S3-compatible bucket (MinIO or other): copy it down with the AWS CLI.
  if command -v aws >/dev/null; then
    endpoint=()
    if [ -n "${AWS_S3_ENDPOINT_URL:-}" ]; then endpoint=(--endpoint-url "$AWS_S3_ENDPOINT_URL"); fi
    aws "${endpoint[@]}" s3 sync --only-show-errors "s3://$AWS_STORAGE_BUCKET_NAME" "$BACKUP_DIR/media/"
    echo "$(date -Is) media: bucket $AWS_STORAGE_BUCKET_NAME synced to $BACKUP_DIR/media/"
  else
    echo "$(date -Is) media: NOT backed up; install the AWS CLI (or back up the bucket with" \
      "the object store's own tools, e.g. MinIO 'mc mirror')" >&2
    status=1
  fi
else
  media_root=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/var/media}
  if [ -d "$media_root" ]; then
    # A mirror, with whatever a run deletes or overwrites kept aside for KEEP_DAYS.
    rsync -a --delete --backup --backup-dir="$BACKUP_DIR/media-changed/$STAMP" \
      "$media_root/" "$BACKUP_DIR/media/"
    echo "$(date -Is) media: $media_root mirrored to $BACKUP_DIR/media/"
  else
    echo "$(date -Is) media: $media_root does not exist yet; nothing to copy"
  fi
fi

# 3. Retention.
find "$BACKUP_DIR/db" -maxdepth 1 -name 'inklusi-*.dump' -mtime "+$KEEP_DAYS" -delete
find "$BACKUP_DIR/db" -maxdepth 1 -name 'inklusi-*.dump.part' -mmin +1440 -delete
find "$BACKUP_DIR/media-changed" -mindepth 1 -maxdepth 1 -type d -mtime "+$KEEP_DAYS" \
  -exec rm -rf {} +
exit $status
