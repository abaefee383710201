"""Where private keys are kept: the key-store interface, the system keyring, a passphrase file.

``choose.open_key_store`` picks the store for a journal; everything else is handed a
:class:`~reflect.secrets.store.KeyStore` and never prompts or calls the keyring itself.
"""
