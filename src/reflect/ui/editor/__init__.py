"""The entry editor: the writing surface, a framework's prompts, and the preview."""
