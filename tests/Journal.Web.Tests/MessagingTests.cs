using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// MSG-1, MSG-2: conversations between families and staff, class mailings, unread counts, attachments. The database is
/// shared with other test classes: every test makes its own families (fresh accounts linked to pupils of demo's 7А, a
/// class no other test writes to) and counts only its own conversations.
/// </summary>
public sealed class MessagingTests(JournalApp app)
{
    internal static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.4\n% Ответ классного руководителя\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    internal sealed record Member(string Login, Guid MembershipId, Guid? PupilId);

    /// <summary>A new account with one role in the school: a parent of, or the pupil, <paramref name="pupil"/> (any pupil of the class without a family yet when null).</summary>
    internal static async Task<Member> NewMemberAsync(JournalApp app, string slug, string className, string role, Guid? pupil = null)
    {
        var login = await app.CreateAccountAsync(role.ToLowerInvariant());
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));
        pupil ??= await sql.ScalarAsync<Guid>(
            """
            SELECT e.pupil_id FROM enrolments e JOIN classes c ON c.id = e.class_id JOIN pupils p ON p.id = e.pupil_id
            WHERE c.grade || c.letter = @c AND e.to_date IS NULL AND p.membership_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM parent_links l WHERE l.pupil_id = e.pupil_id)
            ORDER BY random() LIMIT 1
            """, ("c", className));
        var membership = Guid.CreateVersion7();
        var school = await app.SchoolIdAsync(slug);
        await sql.ScalarAsync<object>(
            """
            INSERT INTO memberships (school_id, id, user_id, last_name, first_name, middle_name)
            SELECT @s, @m, u.id, @last, 'Тест', NULL FROM users u WHERE u.user_name = @login;
            INSERT INTO membership_roles (school_id, membership_id, role) VALUES (@s, @m, @role);
            """,
            ("s", school), ("m", membership), ("last", $"Тестов-{login[^6..]}"), ("login", login), ("role", role));
        await sql.ScalarAsync<object>(
            role == "Parent"
                ? "INSERT INTO parent_links (school_id, parent_id, pupil_id) VALUES (@s, @m, @p)"
                : "UPDATE pupils SET membership_id = @m WHERE id = @p",
            ("s", school), ("m", membership), ("p", pupil.Value));
        return new Member(login, membership, pupil);
    }

    internal static async Task<Guid> MembershipAsync(JournalApp app, string slug, string login)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));
        return await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = @l", ("l", login));
    }

    internal static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string formPage, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, formPage);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "Files", name);
        }

        return await client.PostAsync(path, form);
    }

    /// <summary>Writes to one person through the form; returns the new conversation's URL.</summary>
    internal static async Task<string> WriteToAsync(HttpClient client, string slug, Guid person, string subject, string text)
    {
        var response = await PostAsync(client, $"/s/{slug}/messages/new", $"/s/{slug}/messages/new",
            new() { ["Kind"] = "Person", ["PersonId"] = person.ToString(), ["Subject"] = subject, ["Text"] = text });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Problems(response));
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<string> Problems(HttpResponseMessage response) =>
        string.Join("\n", (await Parse(response)).QuerySelectorAll(".message-problems li, .text-danger").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    private static async Task<IHtmlDocument> Parse(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string path) =>
        await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(path));

    /// <summary>The badge in the navigation bar: 0 when there is none.</summary>
    internal static int Badge(IHtmlDocument page) =>
        page.QuerySelector(".nav-messages .unread-badge") is { } badge ? int.Parse(badge.TextContent.Replace("непрочитанных:", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    private async Task<long> ConversationsCreatedByAsync(string slug, Guid membership)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));
        return await sql.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE created_by_id = @m", ("m", membership));
    }

    [Fact]
    public async Task Parent_writes_to_the_class_teacher_who_reads_and_answers_with_a_file_the_parent_downloads()
    {
        var parent = await NewMemberAsync(app, "demo", "7А", "Parent");
        var classTeacherId = await MembershipAsync(app, "demo", "teacher6@demo");
        var parentClient = await app.SignInAsync(parent.Login);
        var form = await PageAsync(parentClient, "/s/demo/messages/new");
        var options = form.QuerySelectorAll("#person option").Select(o => o.GetAttribute("value")).ToList();
        options.ShouldContain(classTeacherId.ToString());
        form.QuerySelector($"#person option[value='{classTeacherId}']")!.TextContent.ShouldContain("классный руководитель 7А");

        var thread = await WriteToAsync(parentClient, "demo", classTeacherId, "Пропуск 12 марта", "Марина Сергеевна, сын будет у врача.");

        var teacher = await app.SignInAsync("teacher6@demo");
        var list = await PageAsync(teacher, "/s/demo/messages");
        Badge(list).ShouldBe(1);
        var row = list.QuerySelector($".conversation a[href='{thread}']")!.ParentElement!;
        row.QuerySelector(".unread-count")!.TextContent.Trim().ShouldBe("1");
        var opened = await PageAsync(teacher, thread);
        opened.QuerySelector(".message-text")!.TextContent.ShouldBe("Марина Сергеевна, сын будет у врача.");
        opened.QuerySelector(".message-new").ShouldNotBeNull();
        Badge(await PageAsync(teacher, "/s/demo/messages")).ShouldBe(0);

        var answer = await PostAsync(teacher, thread, thread, new() { ["Text"] = "Хорошо, задание во вложении." }, ("задание.pdf", Pdf));
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Problems(answer));

        var parentList = await PageAsync(parentClient, "/s/demo/messages");
        Badge(parentList).ShouldBe(1);
        var parentThread = await PageAsync(parentClient, thread);
        parentThread.QuerySelectorAll(".message-text").Select(m => m.TextContent).ShouldBe(
            ["Марина Сергеевна, сын будет у врача.", "Хорошо, задание во вложении."]);
        var link = parentThread.QuerySelector(".message-files a")!;
        link.TextContent.ShouldBe("задание.pdf");
        (await parentClient.GetByteArrayAsync(link.GetAttribute("href"))).ShouldBe(Pdf);
        (await teacher.GetByteArrayAsync(link.GetAttribute("href"))).ShouldBe(Pdf);
        Badge(await PageAsync(parentClient, "/s/demo/messages")).ShouldBe(0);
    }

    [Fact]
    public async Task A_class_mailing_makes_one_conversation_per_family_and_each_parent_sees_only_their_own()
    {
        var first = await NewMemberAsync(app, "demo", "7А", "Parent");
        var second = await NewMemberAsync(app, "demo", "7А", "Parent");
        // Two parents of one child: one family, one conversation for both.
        var secondsSpouse = await NewMemberAsync(app, "demo", "7А", "Parent", second.PupilId);
        var teacher = await app.SignInAsync("teacher6@demo");
        var teacherId = await MembershipAsync(app, "demo", "teacher6@demo");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var classId = await sql.ScalarAsync<Guid>(
            "SELECT c.id FROM classes c JOIN memberships m ON m.id = c.class_teacher_id JOIN users u ON u.id = m.user_id WHERE u.user_name = 'teacher6@demo'");
        var families = await sql.ScalarAsync<long>(
            """
            SELECT count(DISTINCT parents) FROM (
              SELECT string_agg(l.parent_id::text, ',' ORDER BY l.parent_id) AS parents FROM parent_links l
              JOIN enrolments e ON e.pupil_id = l.pupil_id AND e.class_id = @c AND e.to_date IS NULL GROUP BY l.pupil_id) f
            """, ("c", classId));
        families.ShouldBeGreaterThanOrEqualTo(2);
        var before = await ConversationsCreatedByAsync("demo", teacherId);
        var subject = $"Родительское собрание {Guid.NewGuid():N}";

        var response = await PostAsync(teacher, "/s/demo/messages/new", "/s/demo/messages/new",
            new() { ["Kind"] = "Class", ["ClassId"] = classId.ToString(), ["Subject"] = subject, ["Text"] = "Собрание в четверг в 18:00." });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Problems(response));
        (await ConversationsCreatedByAsync("demo", teacherId) - before).ShouldBe(families);
        foreach (var parent in new[] { first, second, secondsSpouse })
        {
            var client = await app.SignInAsync(parent.Login);
            var mine = (await PageAsync(client, "/s/demo/messages")).QuerySelectorAll(".conversation")
                .Where(c => c.QuerySelector(".conversation-subject")!.TextContent == subject).ToList();
            mine.Count.ShouldBe(1, parent.Login);
            var thread = await PageAsync(client, mine[0].QuerySelector("a")!.GetAttribute("href")!);
            var members = thread.QuerySelector(".conversation-members")!.TextContent;
            // Only the teacher and the own family: no other family's names.
            foreach (var other in new[] { first, second, secondsSpouse }.Where(o => o.PupilId != parent.PupilId))
            {
                members.ShouldNotContain(other.Login[^6..]);
            }
        }

        var spouseThread = (await PageAsync(await app.SignInAsync(secondsSpouse.Login), "/s/demo/messages"))
            .QuerySelectorAll(".conversation a").First(a => a.TextContent.Contains(subject, StringComparison.Ordinal)).GetAttribute("href");
        var secondThread = (await PageAsync(await app.SignInAsync(second.Login), "/s/demo/messages"))
            .QuerySelectorAll(".conversation a").First(a => a.TextContent.Contains(subject, StringComparison.Ordinal)).GetAttribute("href");
        spouseThread.ShouldBe(secondThread);
    }

    [Fact]
    public async Task Mailing_to_parents_of_pupils_missing_lessons_reaches_only_those_families()
    {
        var missing = await NewMemberAsync(app, "demo", "7А", "Parent");
        var present = await NewMemberAsync(app, "demo", "7А", "Parent");
        var teacherId = await MembershipAsync(app, "demo", "teacher6@demo");
        var school = await app.SchoolIdAsync("demo");
        await using var sql = await Sql.OpenAsync(app, school);
        var classId = await sql.ScalarAsync<Guid>("SELECT class_id FROM enrolments WHERE pupil_id = @p AND to_date IS NULL", ("p", missing.PupilId!.Value));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)); // Asia/Yekaterinburg
        const string inPeriod =
            """
            FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id
            WHERE a.class_id = @c AND l.date <= @today AND l.date >= (
              SELECT max(p.start_date) FROM study_periods p WHERE p.academic_year_id = c.academic_year_id AND p.start_date <= @today
                AND EXISTS (SELECT 1 FROM grade_period_kinds k WHERE k.academic_year_id = c.academic_year_id AND k.grade = c.grade AND k.kind = p.kind))
            """;
        // One more than anyone of the class has missed so far: only the pupil given these absences reaches it.
        var most = await sql.ScalarAsync<long>(
            $"SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM absences x JOIN lessons l ON l.id = x.lesson_id AND x.kind <> 'Late' AND l.id IN (SELECT l.id {inPeriod}) GROUP BY x.pupil_id) t",
            ("c", classId), ("today", today));
        var threshold = (int)most + 1;
        var already = await sql.ScalarAsync<long>(
            $"SELECT count(*) FROM absences x WHERE x.pupil_id = @p AND x.kind <> 'Late' AND x.lesson_id IN (SELECT l.id {inPeriod})",
            ("p", missing.PupilId!.Value), ("c", classId), ("today", today));
        await sql.ScalarAsync<object>(
            $"""
            INSERT INTO absences (school_id, id, lesson_id, pupil_id, kind, author_id, entered_at)
            SELECT @s, gen_random_uuid(), l.id, @p, 'Absent', @t, now() {inPeriod}
              AND NOT EXISTS (SELECT 1 FROM absences x WHERE x.lesson_id = l.id AND x.pupil_id = @p)
            ORDER BY l.date DESC LIMIT @n
            """,
            ("s", school), ("p", missing.PupilId!.Value), ("t", teacherId), ("c", classId), ("today", today), ("n", threshold - already));
        var teacher = await app.SignInAsync("teacher6@demo");
        var before = await ConversationsCreatedByAsync("demo", teacherId);
        var subject = $"Пропуски уроков {Guid.NewGuid():N}";
        Dictionary<string, string> Mailing(int n) => new()
        {
            ["Kind"] = "Absent",
            ["ClassId"] = classId.ToString(),
            ["MinAbsences"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Subject"] = subject,
            ["Text"] = "Прошу прийти на беседу.",
        };

        var nobody = await PostAsync(teacher, "/s/demo/messages/new", "/s/demo/messages/new", Mailing(threshold + 1));
        (await Problems(nobody)).ShouldContain($"В классе нет учеников, пропустивших в этом периоде {threshold + 1} уроков и больше");
        (await ConversationsCreatedByAsync("demo", teacherId)).ShouldBe(before);

        var sent = await PostAsync(teacher, "/s/demo/messages/new", "/s/demo/messages/new", Mailing(threshold));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Problems(sent));
        (await ConversationsCreatedByAsync("demo", teacherId)).ShouldBe(before + 1);
        (await PageAsync(await app.SignInAsync(missing.Login), "/s/demo/messages")).QuerySelectorAll(".conversation-subject")
            .Select(e => e.TextContent).ShouldContain(subject);
        (await PageAsync(await app.SignInAsync(present.Login), "/s/demo/messages")).QuerySelectorAll(".conversation-subject")
            .Select(e => e.TextContent).ShouldNotContain(subject);
    }

    [Fact]
    public async Task Pupil_to_another_pupil_and_parent_to_another_parent_are_refused_and_nothing_is_saved()
    {
        var pupil = await NewMemberAsync(app, "demo", "7А", "Student");
        var otherPupil = await NewMemberAsync(app, "demo", "7А", "Student");
        var parent = await NewMemberAsync(app, "demo", "7А", "Parent");
        var otherParent = await NewMemberAsync(app, "demo", "7А", "Parent");
        var classId = await (await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"))).ScalarAsync<Guid>(
            "SELECT class_id FROM enrolments WHERE pupil_id = @p AND to_date IS NULL", ("p", pupil.PupilId!.Value));

        foreach (var (writer, target) in new[] { (pupil, otherPupil), (parent, otherParent), (pupil, parent), (parent, otherPupil) })
        {
            var client = await app.SignInAsync(writer.Login);
            var form = await PageAsync(client, "/s/demo/messages/new");
            form.QuerySelectorAll("#person option").Select(o => o.GetAttribute("value")).ShouldNotContain(target.MembershipId.ToString());
            var response = await PostAsync(client, "/s/demo/messages/new", "/s/demo/messages/new",
                new() { ["Kind"] = "Person", ["PersonId"] = target.MembershipId.ToString(), ["Subject"] = "Привет", ["Text"] = "Текст" });
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Problems(response)).ShouldContain("пишут только учителям класса, классному руководителю и администрации школы");
            (await ConversationsCreatedByAsync("demo", writer.MembershipId)).ShouldBe(0);
        }

        // Nor may a parent write to a whole class or to another child's parents.
        var parentClient = await app.SignInAsync(parent.Login);
        foreach (var fields in new Dictionary<string, string>[]
                 {
                     new() { ["Kind"] = "Class", ["ClassId"] = classId.ToString() },
                     new() { ["Kind"] = "Parents", ["PupilId"] = otherParent.PupilId!.Value.ToString() },
                 })
        {
            fields["Subject"] = "Всем";
            fields["Text"] = "Текст";
            var response = await PostAsync(parentClient, "/s/demo/messages/new", "/s/demo/messages/new", fields);
            (await Problems(response)).ShouldContain("Писать родителям учеников и классам могут только учителя этих классов и администрация школы.");
        }

        (await ConversationsCreatedByAsync("demo", parent.MembershipId)).ShouldBe(0);
    }

    [Fact]
    public async Task Conversation_and_its_files_answer_404_to_everyone_not_in_it()
    {
        var parent = await NewMemberAsync(app, "demo", "7А", "Parent");
        var client = await app.SignInAsync(parent.Login);
        var admin = await MembershipAsync(app, "demo", "admin@demo");
        var thread = await WriteToAsync(client, "demo", admin, "Справка", "Прикладываю справку.");
        var reply = await PostAsync(client, thread, thread, new() { ["Text"] = "И ещё одна." }, ("справка.pdf", Pdf));
        reply.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Problems(reply));
        var file = (await PageAsync(client, thread)).QuerySelector(".message-files a")!.GetAttribute("href")!;
        (await client.GetByteArrayAsync(file)).ShouldBe(Pdf);
        var conversationId = thread[(thread.LastIndexOf('/') + 1)..];
        var fileId = file[(file.LastIndexOf('/') + 1)..];

        var anotherParent = await NewMemberAsync(app, "demo", "7А", "Parent");
        var pupilOfTheClass = await NewMemberAsync(app, "demo", "7А", "Student");
        var strangers = new List<(string Who, HttpClient Client)>
        {
            ("another parent", await app.SignInAsync(anotherParent.Login)),
            ("a pupil of the class", await app.SignInAsync(pupilOfTheClass.Login)),
            ("the parent's own child", await app.SignInAsync((await NewMemberAsync(app, "demo", "7А", "Student", parent.PupilId)).Login)),
            ("a teacher of another class", await app.SignInAsync("teacher3@demo")),
            ("the deputy", await app.SignInAsync("deputy@demo")),
            ("a user of demo2", await app.SignInAsync("teacher@demo2")),
        };
        foreach (var (who, stranger) in strangers)
        {
            foreach (var school in new[] { "demo", "demo2" })
            {
                foreach (var url in new[] { $"/s/{school}/messages/{conversationId}", $"/s/{school}/files/{fileId}" })
                {
                    (await stranger.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{who}: {url}");
                }
            }

            var token = await JournalApp.AntiforgeryTokenAsync(stranger, "/schools");
            using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Text"] = "Чужой ответ" });
            (await stranger.PostAsync($"/s/demo/messages/{conversationId}", post)).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
        }

        (await PageAsync(client, thread)).QuerySelectorAll(".message-text").Length.ShouldBe(2);
    }

    [Fact]
    public async Task Oversized_attachment_is_refused_in_russian_and_nothing_is_saved()
    {
        var parent = await NewMemberAsync(app, "demo", "7А", "Parent");
        var client = await app.SignInAsync(parent.Login);
        var admin = await MembershipAsync(app, "demo", "admin@demo");
        var thread = await WriteToAsync(client, "demo", admin, "Большой файл", "Сейчас пришлю.");
        var big = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        var response = await PostAsync(client, thread, thread, new() { ["Text"] = "Вот он." }, ("скан.pdf", big));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Problems(response)).ShouldContain("«скан.pdf»: 10 МБ — больше допустимых 10 МБ. Уменьшите файл или разделите его на части.");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        (await sql.ScalarAsync<long>("SELECT count(*) FROM messages WHERE author_id = @m", ("m", parent.MembershipId))).ShouldBe(1);
        (await sql.ScalarAsync<long>("SELECT count(*) FROM stored_files WHERE uploaded_by_id = @m", ("m", parent.MembershipId))).ShouldBe(0);

        var empty = await PostAsync(client, thread, thread, new() { ["Text"] = "  " });
        (await Problems(empty)).ShouldContain("Напишите текст сообщения.");
        var tooLong = await PostAsync(client, thread, thread, new() { ["Text"] = new string('а', 10001) });
        (await Problems(tooLong)).ShouldContain("Сообщение длиннее 10000 знаков: сократите его или разделите на несколько.");
        (await sql.ScalarAsync<long>("SELECT count(*) FROM messages WHERE author_id = @m", ("m", parent.MembershipId))).ShouldBe(1);
    }
}

/// <summary>MSG-1 in a real browser: a parent writes through the form, the class teacher sees the badge, reads and answers with a file.</summary>
public sealed class MessagingBrowserTests(JournalApp app)
{
    [Fact]
    public async Task Parent_writes_through_the_form_and_the_class_teacher_sees_the_badge_and_answers_with_a_file()
    {
        var classTeacher = await MessagingTests.MembershipAsync(app, "demo2", "classteacher@demo2");
        var (playwright, browser) = await BrowserTests.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var subject = $"Экскурсия {Guid.NewGuid().ToString("N")[..6]}";

        var parent = await SignInAsync(browser, "parent@demo2", 390);
        await parent.GotoAsync(new Uri(app.BaseAddress, "/s/demo2/messages").ToString());
        await parent.GetByRole(AriaRole.Link, new() { Name = "Новое сообщение" }).ClickAsync();
        await parent.GetByLabel("Кому").SelectOptionAsync(classTeacher.ToString());
        await parent.GetByLabel("Тема").FillAsync(subject);
        await parent.GetByLabel("Текст").FillAsync("Ольга Ивановна, можно Даше поехать с классом?\nСпасибо.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Отправить" }).ClickAsync();
        (await parent.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe(subject);

        var teacher = await SignInAsync(browser, "classteacher@demo2", 1280);
        await teacher.GotoAsync(new Uri(app.BaseAddress, "/s/demo2/messages").ToString());
        (await teacher.Locator(".nav-messages").InnerTextAsync()).ShouldContain("1");
        await teacher.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        (await teacher.Locator(".message-text").First.InnerTextAsync()).ShouldBe("Ольга Ивановна, можно Даше поехать с классом?\nСпасибо.");
        (await teacher.Locator(".nav-messages .unread-badge").CountAsync()).ShouldBe(0);
        await teacher.GetByLabel("Текст").FillAsync("Да, список у меня.");
        await teacher.GetByLabel("Файлы").SetInputFilesAsync(new FilePayload { Name = "маршрут.pdf", MimeType = "application/pdf", Buffer = MessagingTests.Pdf });
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Отправить" }).ClickAsync();
        (await teacher.Locator(".message-files a").InnerTextAsync()).ShouldBe("маршрут.pdf");

        await parent.ReloadAsync();
        (await parent.Locator(".message-text").Last.InnerTextAsync()).ShouldBe("Да, список у меня.");
        (await parent.GetByRole(AriaRole.Link, new() { Name = "маршрут.pdf" }).IsVisibleAsync()).ShouldBeTrue();
    }

    private async Task<IPage> SignInAsync(IBrowser browser, string login, int width)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync("**/s/**");
        return page;
    }
}

/// <summary>The messages list runs the same few queries for one conversation or many.</summary>
[Collection(nameof(RunAlone))]
public sealed class MessagingQueryCountTests(JournalApp app)
{
    [Fact]
    public async Task The_messages_list_runs_the_same_queries_for_one_conversation_and_for_many()
    {
        var parent = await MessagingTests.NewMemberAsync(app, "demo", "7А", "Parent");
        var client = await app.SignInAsync(parent.Login);
        // Not the class teacher: the first test counts the class teacher's unread messages.
        var admin = await MessagingTests.MembershipAsync(app, "demo", "admin@demo");
        await MessagingTests.WriteToAsync(client, "demo", admin, "Первое", "Текст");
        using var counter = new QueryCounter();
        var counts = new List<(int Queries, int Rows)>();

        foreach (var more in new[] { 0, 4 })
        {
            for (var i = 0; i < more; i++)
            {
                await MessagingTests.WriteToAsync(client, "demo", admin, $"Ещё {i}", "Текст");
            }

            counter.Reset();
            var html = await client.GetStringAsync("/s/demo/messages");
            counts.Add((counter.Count, new HtmlParser().ParseDocument(html).QuerySelectorAll(".conversation").Length));
        }

        counts.Select(c => c.Rows).ShouldBe([1, 5]);
        counts.Select(c => c.Queries).Distinct().Count().ShouldBe(1, string.Join(", ", counts));
        counts[0].Queries.ShouldBeInRange(3, 4); // school + member, the list, the navigation counters (messages + notifications)
    }
}
