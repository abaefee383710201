"""Dialogs opened from the menus: preferences, backups, help, passphrase, history."""
