"""manage.py backup_site: the database and the uploaded files in one archive.

    manage.py backup_site                      # backups/clinic-backup-<UTC time>.tar.gz
    manage.py backup_site --output-dir /srv/backups

The archive holds password hashes and two-factor secrets: it is written readable by
its owner only, and belongs wherever the database's own backups are kept.
See clinic_site.backup.archive for what is saved and why; `manage.py restore_site` reads it.
"""

import datetime
import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

import wagtail

from clinic_site.backup import archive as archive_format

FIXTURES = ["contenttypes.json", "data.json"]


class Command(BaseCommand):
    help = "Back up the database and media files into one timestamped .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "backups",
            help="Folder for the archive (default: $BACKUP_DIR, or backups/ beside the code).",
        )

    def handle(self, *args, output_dir, **options):
        output_dir = Path(output_dir)
        output_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
        archive = output_dir / f"clinic-backup-{stamp}.tar.gz"
        partial = archive.with_name(archive.name + ".partial")

        with tempfile.TemporaryDirectory(prefix="clinic-backup-") as scratch:
            manifest = self.dump(Path(scratch))
            # Owner-only from the first byte, and renamed only when complete, so a
            # failed run never leaves something that looks like a backup.
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                with (
                    os.fdopen(descriptor, "wb") as file,
                    tarfile.open(fileobj=file, mode="w:gz") as tar,
                ):
                    self.add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
                    for name in FIXTURES:
                        tar.add(Path(scratch) / name, arcname=name)
                    media_files = self.add_media(tar)
                partial.rename(archive)
            finally:
                partial.unlink(missing_ok=True)

        size_mb = archive.stat().st_size / 1_000_000
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {archive_format.rows_and_files(manifest['objects'], media_files)} "
                f"to {archive} ({size_mb:.1f} MB)."
            )
        )
        return str(archive)

    def dump(self, folder):
        """Write the fixtures into folder, all read from one snapshot of the database."""
        serializers.register_serializer(
            archive_format.SERIALIZATION_FORMAT, "clinic_site.backup.archive"
        )
        excluded = [label for label in archive_format.REGENERATED if self.installed(label)]
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if outermost and connection.vendor == "postgresql":
                # One snapshot for every table, however long the dump takes, so an edit
                # made meanwhile is in the backup whole or not at all. (SQLite reads
                # inside one transaction from one snapshot already.)
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            # Content types and permissions in a file of their own, loaded first, so
            # nothing that runs while the rest loads can create them under other ids.
            self.dumpdata(folder / "contenttypes.json", ["contenttypes", "auth.permission"])
            self.dumpdata(
                folder / "data.json",
                [],
                exclude=[*excluded, "contenttypes", "auth.permission"],
            )
            applied = sorted(
                f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
            )
        objects = 0
        for name in FIXTURES:
            with (folder / name).open("rb") as file:
                objects += len(json.load(file))
        return {
            "archive_version": archive_format.ARCHIVE_VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database_vendor": connection.vendor,
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "objects": objects,
            "excluded": excluded,
            "migrations": applied,
        }

    def dumpdata(self, path, labels, exclude=()):
        call_command(
            "dumpdata",
            *labels,
            format=archive_format.SERIALIZATION_FORMAT,
            exclude=list(exclude),
            use_base_manager=True,
            output=str(path),
            verbosity=0,
        )

    def installed(self, label):
        """dumpdata refuses to exclude an app or model that does not exist."""
        app_label, _, model = label.partition(".")
        try:
            config = apps.get_app_config(app_label)
        except LookupError:
            return False
        return not model or model in {m._meta.model_name for m in config.get_models()}

    def add_media(self, tar):
        """Every file under MEDIA_ROOT as media/..., except renditions; the count added."""
        media_root = Path(settings.MEDIA_ROOT)
        count = 0
        if not media_root.is_dir():
            return count
        for path in sorted(media_root.rglob("*")):
            relative = path.relative_to(media_root)
            if relative.parts[0] == archive_format.RENDITIONS_DIR or not path.is_file():
                continue
            tar.add(path, arcname=f"media/{relative.as_posix()}", recursive=False)
            count += 1
        return count

    def add_bytes(self, tar, name, data):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
        tar.addfile(info, io.BytesIO(data))
