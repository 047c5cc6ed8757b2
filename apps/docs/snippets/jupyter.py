# A Jupyter cell next to head.html (from the Node script): the page carries its
# own Vega runtime, so it draws offline, with no notebook extension.
from IPython.display import IFrame

IFrame("head.html", width=420, height=380)
