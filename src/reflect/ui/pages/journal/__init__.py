"""Journal: the page, its lazily paged model and its row painter."""
