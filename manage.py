#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ketamine_site.settings")
    # Editors' and staff's commands need no secret; serving does (see LOCAL_COMMAND in settings).
    os.environ.setdefault("DJANGO_LOCAL_COMMAND", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
