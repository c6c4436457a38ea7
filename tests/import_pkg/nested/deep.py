from ..helper import CONST as PARENT_CONST
from .. import sub_a
from . import sibling

print("import_pkg.nested.deep: loaded as", __name__)
DEEP = "deep:" + PARENT_CONST
GREETING = sub_a.greet("deep")
SIBLING = sibling.VALUE
