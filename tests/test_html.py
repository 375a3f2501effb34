"""The HTML report shows untrusted text as text and marks every flag at its offsets."""
import re

from mtcheck.io import Record
from mtcheck.run import check_records
from mtcheck.report.html import render_html

NASTY = 'Click <script>alert("x")</script> {{ 7*7 }} </textarea> & "quotes" \'single\''


def test_untrusted_text_is_escaped(fake_embedder):
    run = check_records([Record("1", NASTY, (NASTY,))], embedder=fake_embedder)
    assert run.segments[0].flags == ()  # the text stays in one piece
    page = render_html(run)
    assert "<script>alert" not in page and "</textarea>" not in page
    assert page.count("<script>") == 1  # the report's own script, nothing injected
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    # shown verbatim, not evaluated (the page's timestamp may contain "49", so check the sequence)
    assert "&lt;/script&gt; {{ 7*7 }} &lt;/textarea&gt;" in page
    assert "&amp; &#34;quotes&#34; &#39;single&#39;" in page


def test_every_flag_is_marked_once(fake_embedder):
    records = [Record("a", "Then Ilon Musk spoke.", ("Then Elon Musk spoke.",)),
               Record("b", "All is well.", ("All is well.",))]
    run = check_records(records, embedder=fake_embedder)
    page = render_html(run)
    marks = re.findall(r'<mark class="flag (\w+)" id="flag-(\d+)" tabindex="0"[^>]*>([^<]*)<', page)
    assert marks == [("major", "1", "Ilon")]


def test_hostile_ids_in_attributes_are_escaped(fake_embedder):
    hostile = '"><script>alert(1)</script><b x="'
    run = check_records([Record(hostile, "Then Ilon Musk spoke.", ("Then Elon Musk spoke.",))],
                        embedder=fake_embedder, name="<batch & co>")
    page = render_html(run)
    assert "<script>alert(1)" not in page and page.count("<script>") == 1
    assert 'data-seg="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b x=&#34;"' in page
    assert 'data-doc="&lt;batch &amp; co&gt;"' in page
