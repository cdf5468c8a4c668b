"""The clause library: mining, templates, schemas, the on-disk store and its versions."""
