# the settings every moved-in blog's test root shares (tests/moved_blog_conf.py)
from moved_blog_conf import moved_blog_settings as _settings

globals().update(_settings())
