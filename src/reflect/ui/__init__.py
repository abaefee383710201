"""The desktop window. The only package that imports Qt; it talks to services, never to SQL."""
