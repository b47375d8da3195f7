"""manage.py restore_site ARCHIVE: put a backup_site archive into an empty database.

    manage.py restore_site backups/clinic-backup-20260101-020000.tar.gz
    manage.py restore_site ARCHIVE --force     # replace a database that has content

Migrates the database, empties the rows the migrations made, loads the backup, unpacks
the uploaded files into MEDIA_ROOT and rebuilds the search and reference indexes.
Works on SQLite and PostgreSQL, whichever the backup came from.
"""

import io
import json
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import ngettext

from wagtail.models import Site

from clinic_site.backup import archive as archive_format
from clinic_site.page_cache import invalidate_all


class Command(BaseCommand):
    help = "Restore a backup_site archive into an empty database (and MEDIA_ROOT)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz made by manage.py backup_site.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even though the database has content: everything in it is replaced.",
        )

    def handle(self, *args, archive, force, **options):
        archive = Path(archive)
        if not archive.is_file():
            raise CommandError(f"No backup archive at {archive}.")
        database = connection.settings_dict["NAME"]

        found = self.existing_content()
        if found and not force:
            raise CommandError(
                f"The database {database} is not empty: it has {', '.join(found)}. "
                "restore_site replaces everything in the database, so it only runs into "
                "an empty one. Create a new database and point DATABASE_URL at it, or "
                "pass --force to replace this database's content with the backup."
            )

        with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as scratch:
            manifest = json.load(tar.extractfile("manifest.json"))
            if manifest.get("archive_version") != archive_format.ARCHIVE_VERSION:
                raise CommandError(f"{archive} is not a backup this version can read.")
            self.check_migrations(manifest["migrations"])
            fixtures = [Path(scratch) / name for name in ("contenttypes.json", "data.json")]
            for fixture in fixtures:
                tar.extract(fixture.name, scratch, filter="data")
            self.load(fixtures)
            media_files = self.unpack_media(tar)

        quiet = io.StringIO()
        call_command("update_index", stdout=quiet, stderr=quiet)
        call_command("rebuild_references_index", stdout=quiet, stderr=quiet)
        # A cache shared with the old database must not serve its pages or site roots.
        Site.clear_site_root_paths_cache()
        invalidate_all()

        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive_format.rows_and_files(manifest['objects'], media_files)} "
                f"from {archive} (made {manifest['created_at']} on {manifest['database_vendor']}) "
                f"into {database}. Image renditions are drawn again on first view."
            )
        )

    @staticmethod
    def load(fixtures):
        """Migrate, then replace every row with the backup's, in one transaction: a backup
        that fails to load leaves the database as it was."""
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            # The migrations create rows the backup holds too, under the same ids
            # (content types, root page, default locale and site, the roles, the
            # workflows), so start from empty tables.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            # Content types first, and none remembered from the tables just emptied.
            ContentType.objects.clear_cache()
            for fixture in fixtures:
                call_command("loaddata", str(fixture), verbosity=0)
            # Content types and permissions for models newer than the backup (and the
            # roles' sync, which adds what this code's roles have that the backup's lack).
            emit_post_migrate_signal(0, False, connection.alias)

    def existing_content(self):
        """What the database already holds, e.g. ["3 users", "12 pages"]; [] when empty."""
        tables = set(connection.introspection.table_names())
        found = []
        with connection.cursor() as cursor:
            for (singular, plural), label, condition in archive_format.CONTENT_CHECKS:
                table = apps.get_model(label)._meta.db_table
                if table not in tables:
                    continue
                query = f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}"  # noqa: S608 - a model's own table name
                if condition:
                    query += f" WHERE {condition}"
                cursor.execute(query)
                count = cursor.fetchone()[0]
                if count:
                    found.append(ngettext(singular, plural, count) % {"count": count})
        return found

    def check_migrations(self, backed_up):
        """Refuse a backup from newer code; warn about one from older code."""
        known = {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
        unknown = sorted(set(backed_up) - known)
        if unknown:
            raise CommandError(
                "The backup was made by a newer version of the site (this code lacks the "
                f"migrations {', '.join(unknown[:5])}{'...' if len(unknown) > 5 else ''}). "
                "Restore it with the version that made it."
            )
        backed_up_apps = {label.split(".", 1)[0] for label in backed_up}
        newer = sorted(
            label for label in known - set(backed_up) if label.split(".", 1)[0] in backed_up_apps
        )
        if newer:
            self.stderr.write(
                self.style.WARNING(
                    "The backup predates "
                    + ngettext("%(count)d migration", "%(count)d migrations", len(newer))
                    % {"count": len(newer)}
                    + " of this code "
                    f"({', '.join(newer[:3])}...). Its data is loaded into the newer tables, "
                    "but data migrations among them are not run on it."
                )
            )

    def unpack_media(self, tar):
        """Extract media/... into MEDIA_ROOT; the 'data' filter refuses paths that would
        land outside it (absolute, '..', links out, devices)."""
        members = []
        for member in tar.getmembers():
            if member.name.startswith("media/") and member.isfile():
                members.append(member.replace(name=member.name.removeprefix("media/")))
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        tar.extractall(media_root, members=members, filter="data")
        return len(members)
