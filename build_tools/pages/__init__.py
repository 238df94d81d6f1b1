"""Pages and rendering: the site's generated pages, templates' renderer and the guide."""
