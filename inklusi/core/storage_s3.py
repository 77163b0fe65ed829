"""The media storage on S3 or a compatible store (settings name it when
AWS_STORAGE_BUCKET_NAME is set); a module of its own so boto3 loads only then."""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .storage import PrivateAware


class S3MediaStorage(PrivateAware, S3Storage):
    """Public names get the bucket's (or the CDN's) URL; private names only a short signed URL
    from the bucket's own host (`signed_url`), whatever the bucket's public settings are."""

    def signed_url(self, name, seconds):
        return self.bucket.meta.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket.name, "Key": self._normalize_name(clean_name(name))},
            ExpiresIn=seconds,
        )
