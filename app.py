"""DL Practice Lab — entry point: page config, navigation in the lecture's order, global sidebar."""

import streamlit as st

from ui.heap import freeze_long_lived
from ui.i18n import t
from ui.shell import init_session, sidebar
from ui.specs import HOME, available_pages
from ui.widgets import enter_page

GROUPS = (
    ("nav.section.data", ("1.1", "1.2", "1.3")),
    ("nav.section.regularization", ("1.4", "1.5", "1.6–1.7", "1.8")),
    ("nav.section.optimization", ("1.9", "1.10", "1.11")),
    ("nav.section.gradcheck", ("1.12", "1.13–1.14")),
)

st.set_page_config(page_title="DL Practice Lab", page_icon=":material/neurology:", layout="wide")
init_session()

home = st.Page(HOME.script, title=t("nav.home"), icon=HOME.icon, url_path="home", default=True)
pages = {t("app.title"): [home]}
slug_of = {home.url_path: HOME.slug}
for group_key, sections in GROUPS:
    members = []
    for spec in available_pages():
        if spec.sections in sections:
            page = st.Page(
                spec.script, title=f"§{spec.sections} {t(spec.title_key)}", icon=spec.icon, url_path=spec.slug
            )
            members.append(page)
            slug_of[spec.slug] = spec.slug
    if members:
        pages[t(group_key)] = members

current = st.navigation(pages, expanded=True)
slug = slug_of.get(current.url_path, HOME.slug)
enter_page(slug)
finish_sidebar = sidebar(slug)
current.run()
finish_sidebar()
freeze_long_lived()  # the first full runs only: what they leave alive lives as long as the server
