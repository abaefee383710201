"""Edit ▸ Frameworks…: the catalogue, what each framework is, and editing a copy."""
