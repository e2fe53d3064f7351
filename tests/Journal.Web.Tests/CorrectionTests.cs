using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>LCK-2: a locked cell changes only through a correction request the Deputy approves and enters.</summary>
public sealed class CorrectionTests(JournalApp app)
{
    private sealed record LockedCell(Guid Lesson, Guid? Work, Guid Pupil, string Value);

    /// <summary>
    /// A cell of teacher@demo's 5А maths in a lesson past the lock, in the given row (each test its own row):
    /// in the current period, or in an earlier one during a period's first two weeks.
    /// </summary>
    private static async Task<(HttpClient Client, LockedCell Cell)> LockedCellAsync(JournalApp app, int row, bool withWork = false)
    {
        var client = await app.SignInAsync("teacher@demo");
        var page = await JournalWithLockedLessonsAsync(client);
        var columns = page.QuerySelectorAll("thead th.work-col");
        var column = columns.Select((th, index) => (th, index)).First(c => c.th.GetAttribute("data-correctable") == "true"
                                                                       && (!withWork || !string.IsNullOrEmpty(c.th.GetAttribute("data-work"))));
        var cell = (IHtmlInputElement)page.QuerySelectorAll($"input.cell[data-col='{column.index.ToString(CultureInfo.InvariantCulture)}']")[row];
        var work = column.th.GetAttribute("data-work");
        return (client, new LockedCell(
            Guid.Parse(column.th.GetAttribute("data-lesson")!), string.IsNullOrEmpty(work) ? null : Guid.Parse(work),
            Guid.Parse(cell.Closest("tr")!.GetAttribute("data-pupil")!), cell.Value));
    }

    internal static async Task<AngleSharp.Html.Dom.IHtmlDocument> JournalWithLockedLessonsAsync(HttpClient client)
    {
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/teacher"));
        var link = home.QuerySelectorAll(".journal-list a").Single(a => a.TextContent.Trim() == "5А — Математика").GetAttribute("href")!;
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(link));
        var periods = page.QuerySelectorAll("a[href*='?period=']").Select(a => a.GetAttribute("href")!).Reverse().ToList();
        foreach (var period in periods)
        {
            if (page.QuerySelector("th.work-col[data-correctable]") is not null)
            {
                break;
            }

            page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(period));
        }

        return page;
    }

    private static async Task<HttpResponseMessage> FileAsync(
        HttpClient client, LockedCell cell, string value, string reason = "PupilIllness", string explanation = "Справка № 17 от 05.11",
        (string Name, byte[] Bytes)? document = null)
    {
        var url = $"/s/demo/teacher/corrections/new?lesson={cell.Lesson}";
        var form = new Dictionary<string, string>
        {
            ["PupilId"] = cell.Pupil.ToString(),
            ["Value"] = value,
            ["Reason"] = reason,
            ["Explanation"] = explanation,
            ["__RequestVerificationToken"] = await JournalApp.AntiforgeryTokenAsync(client, url),
        };
        if (cell.Work is { } work)
        {
            form["WorkId"] = work.ToString();
        }

        if (document is not { } file)
        {
            return await client.PostAsync(url, new FormUrlEncodedContent(form));
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, text) in form)
        {
            multipart.Add(new StringContent(text), name);
        }

        multipart.Add(new ByteArrayContent(file.Bytes), "Document", file.Name);
        return await client.PostAsync(url, multipart);
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task LCK2_the_document_goes_with_the_request_and_only_the_requester_and_the_deputy_download_it()
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 15);
        await using var sql = await DemoSqlAsync();

        var refused = await FileAsync(teacher, cell, "б", document: ("справка.exe", "MZ\u0090\0"u8.ToArray()));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("справка.exe");
        (await RequestsAsync(sql, cell)).ShouldBe(0);
        (await FileAsync(teacher, cell, "б", document: ("Справка № 17.pdf", Pdf))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var document = await sql.ScalarAsync<Guid>(
            "SELECT document_file_id FROM correction_requests WHERE lesson_id = @l AND pupil_id = @p", ("l", cell.Lesson), ("p", cell.Pupil));
        document.ShouldNotBe(Guid.Empty);
        var deputy = await app.SignInAsync("deputy@demo");
        (await deputy.GetByteArrayAsync($"/s/demo/files/{document}")).ShouldBe(Pdf);
        (await teacher.GetByteArrayAsync($"/s/demo/files/{document}")).ShouldBe(Pdf);
        (await (await app.SignInAsync("classteacher@demo")).GetAsync($"/s/demo/files/{document}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.SignInAsync("parent@demo")).GetAsync($"/s/demo/files/{document}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.SignInAsync("deputy@demo2")).GetAsync($"/s/demo2/files/{document}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient deputy, Guid request, string action, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await JournalApp.AntiforgeryTokenAsync(deputy, $"/s/demo/deputy/corrections/{request}");
        return await deputy.PostAsync($"/s/demo/deputy/corrections/{request}/{action}", new FormUrlEncodedContent(form));
    }

    private async Task<Sql> DemoSqlAsync() => await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));

    private static Task<long> RequestsAsync(Sql sql, LockedCell cell) => sql.ScalarAsync<long>(
        "SELECT count(*) FROM correction_requests WHERE lesson_id = @l AND pupil_id = @p", ("l", cell.Lesson), ("p", cell.Pupil));

    private static Task<Guid> PendingRequestAsync(Sql sql, LockedCell cell) => sql.ScalarAsync<Guid>(
        "SELECT id FROM correction_requests WHERE lesson_id = @l AND pupil_id = @p AND status = 'Pending'", ("l", cell.Lesson), ("p", cell.Pupil));

    /// <summary>The cell as the grid shows it: the work's mark, else the lesson's absence.</summary>
    private static Task<string> CellAsync(Sql sql, LockedCell cell) => sql.ScalarAsync<string>(
        """
        SELECT coalesce((SELECT m.value FROM marks m JOIN works w ON w.id = m.work_id
                         WHERE w.lesson_id = @l AND m.pupil_id = @p AND (w.id = @w OR @w IS NULL) ORDER BY w.id LIMIT 1),
                        (SELECT a.kind FROM absences a WHERE a.lesson_id = @l AND a.pupil_id = @p), '')
        """,
        ("l", cell.Lesson), ("p", cell.Pupil), ("w", (object?)cell.Work ?? DBNull.Value));

    [Fact]
    public async Task LCK2_the_deputy_approves_a_request_with_a_registration_number_and_the_change_is_in_history()
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 3);
        var wanted = cell.Value == "4" ? "5" : "4";

        var filed = await FileAsync(teacher, cell, wanted);

        filed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await teacher.GetStringAsync("/s/demo/teacher/corrections")).ShouldContain("на рассмотрении");
        await using var sql = await DemoSqlAsync();
        var request = await PendingRequestAsync(sql, cell);
        var deputy = await app.SignInAsync("deputy@demo");
        (await deputy.GetStringAsync("/s/demo/deputy")).ShouldContain("на рассмотрении");
        (await deputy.GetStringAsync($"/s/demo/deputy/corrections/{request}")).ShouldContain("Справка № 17 от 05.11");

        var approved = await DecideAsync(deputy, request, "approve", new() { ["RegistrationNumber"] = "45/11", ["Value"] = wanted });

        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<string>("SELECT status || '|' || registration_number || '|' || applied_value FROM correction_requests WHERE id = @r", ("r", request)))
            .ShouldBe($"Applied|45/11|{wanted}");
        (await sql.ScalarAsync<string>(
                "SELECT new_value || '|' || ground || '|' || is_late FROM journal_changes WHERE correction_request_id = @r AND target = 'Mark'",
                ("r", request)))
            .ShouldBe($"{wanted}|Correction|false");
        var grid = await new HtmlParser().ParseDocumentAsync(await teacher.GetStringAsync(
            (await new HtmlParser().ParseDocumentAsync(await teacher.GetStringAsync("/s/demo/teacher")))
            .QuerySelectorAll(".journal-list a").Single(a => a.TextContent.Trim() == "5А — Математика").GetAttribute("href")!));
        grid.QuerySelector($"tr[data-pupil='{cell.Pupil}']")!.OuterHtml.ShouldContain($"value=\"{wanted}\"");
        var changes = await deputy.GetStringAsync("/s/demo/deputy/changes?class=" + await sql.ScalarAsync<Guid>(
            "SELECT a.class_id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id WHERE l.id = @l", ("l", cell.Lesson)));
        changes.ShouldContain("(рег. № 45/11)");
    }

    [Fact]
    public async Task LCK2_a_retake_is_entered_on_the_ground_of_a_retake()
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 5);
        await using var sql = await DemoSqlAsync();
        (await FileAsync(teacher, cell, "3", reason: "Retake", explanation: "Протокол пересдачи № 2")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await PendingRequestAsync(sql, cell);
        var deputy = await app.SignInAsync("deputy@demo");

        (await DecideAsync(deputy, request, "approve", new() { ["RegistrationNumber"] = "7", ["Value"] = "3" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await sql.ScalarAsync<string>("SELECT ground FROM journal_changes WHERE correction_request_id = @r AND target = 'Mark'", ("r", request)))
            .ShouldBe("Retake");
        (await CellAsync(sql, cell)).ShouldBe("3");
    }

    [Fact]
    public async Task LCK2_an_approved_absence_replaces_the_cells_mark_and_no_one_approves_their_own_request()
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 17, withWork: true);
        await using var sql = await DemoSqlAsync();
        // The cell holds a mark: the pupil was in fact ill that day.
        await sql.ScalarAsync<int>(
            """
            INSERT INTO marks (school_id, id, work_id, pupil_id, value, author_id, entered_at)
            SELECT w.school_id, gen_random_uuid(), w.id, @p, '4', a.teacher_id, now()
            FROM works w JOIN lessons l ON l.id = w.lesson_id JOIN teaching_assignments a ON a.id = l.assignment_id
            WHERE w.id = @w ON CONFLICT DO NOTHING
            """,
            ("p", cell.Pupil), ("w", cell.Work!.Value));
        (await FileAsync(teacher, cell, "б")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await PendingRequestAsync(sql, cell);
        var deputy = await app.SignInAsync("deputy@demo");
        (await deputy.GetStringAsync($"/s/demo/deputy/corrections/{request}")).ShouldContain("сейчас в журнале «4»");
        var deputyMember = await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'deputy@demo'");
        var filer = await sql.ScalarAsync<Guid>("SELECT requested_by_id FROM correction_requests WHERE id = @r", ("r", request));
        await sql.ScalarAsync<int>("UPDATE correction_requests SET requested_by_id = @d WHERE id = @r", ("d", deputyMember), ("r", request));

        var own = await DecideAsync(deputy, request, "approve", new() { ["RegistrationNumber"] = "9", ["Value"] = "б" });

        (await own.Content.ReadAsStringAsync()).ShouldContain("Свою заявку рассматривает другой");
        await sql.ScalarAsync<int>("UPDATE correction_requests SET requested_by_id = @t WHERE id = @r", ("t", filer), ("r", request));
        (await DecideAsync(deputy, request, "approve", new() { ["RegistrationNumber"] = "9", ["Value"] = "б" })).StatusCode
            .ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<long>(
                "SELECT count(*) FROM marks WHERE work_id = @w AND pupil_id = @p", ("w", cell.Work!.Value), ("p", cell.Pupil)))
            .ShouldBe(0);
        (await sql.ScalarAsync<string>("SELECT kind FROM absences WHERE lesson_id = @l AND pupil_id = @p", ("l", cell.Lesson), ("p", cell.Pupil)))
            .ShouldBe("Ill");
    }

    [Fact]
    public async Task LCK2_a_stale_request_to_clear_an_absence_never_clears_a_mark_that_came_since()
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 19, withWork: true);
        await using var sql = await DemoSqlAsync();
        await sql.ScalarAsync<int>("DELETE FROM marks WHERE work_id = @w AND pupil_id = @p", ("w", cell.Work!.Value), ("p", cell.Pupil));
        await sql.ScalarAsync<int>(
            """
            INSERT INTO absences (school_id, id, lesson_id, pupil_id, kind, author_id, entered_at)
            SELECT l.school_id, gen_random_uuid(), l.id, @p, 'Absent', a.teacher_id, now()
            FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id WHERE l.id = @l ON CONFLICT DO NOTHING
            """,
            ("p", cell.Pupil), ("l", cell.Lesson));
        (await FileAsync(teacher, cell, "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await PendingRequestAsync(sql, cell);
        await sql.ScalarAsync<int>(
            """
            INSERT INTO marks (school_id, id, work_id, pupil_id, value, author_id, entered_at)
            SELECT w.school_id, gen_random_uuid(), w.id, @p, '3', a.teacher_id, now()
            FROM works w JOIN lessons l ON l.id = w.lesson_id JOIN teaching_assignments a ON a.id = l.assignment_id WHERE w.id = @w
            """,
            ("p", cell.Pupil), ("w", cell.Work!.Value));
        var deputy = await app.SignInAsync("deputy@demo");

        var approved = await DecideAsync(deputy, request, "approve", new() { ["RegistrationNumber"] = "11", ["Value"] = "" });

        (await approved.Content.ReadAsStringAsync()).ShouldContain("клетка изменилась");
        (await sql.ScalarAsync<long>("SELECT count(*) FROM marks WHERE work_id = @w AND pupil_id = @p", ("w", cell.Work!.Value), ("p", cell.Pupil)))
            .ShouldBe(1);
        (await sql.ScalarAsync<string>("SELECT status FROM correction_requests WHERE id = @r", ("r", request))).ShouldBe("Pending");
    }

    [Fact]
    public async Task LCK2_a_rejected_request_changes_nothing_and_needs_a_reason()
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 7);
        await using var sql = await DemoSqlAsync();
        var before = await CellAsync(sql, cell);
        (await FileAsync(teacher, cell, "н")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await PendingRequestAsync(sql, cell);
        var deputy = await app.SignInAsync("deputy@demo");

        var empty = await DecideAsync(deputy, request, "reject", new() { ["Comment"] = "" });
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Напишите, почему заявка отклонена.");
        var rejected = await DecideAsync(deputy, request, "reject", new() { ["Comment"] = "Справка не приложена" });

        rejected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<string>("SELECT status FROM correction_requests WHERE id = @r", ("r", request))).ShouldBe("Rejected");
        (await CellAsync(sql, cell)).ShouldBe(before);
        (await sql.ScalarAsync<long>("SELECT count(*) FROM journal_changes WHERE correction_request_id = @r", ("r", request))).ShouldBe(0);
        (await teacher.GetStringAsync("/s/demo/teacher/corrections")).ShouldContain("Справка не приложена");
        var again = await DecideAsync(deputy, request, "approve", new() { ["RegistrationNumber"] = "1", ["Value"] = "н" });
        (await again.Content.ReadAsStringAsync()).ShouldContain("уже рассмотрена");
        (await CellAsync(sql, cell)).ShouldBe(before);
    }

    [Theory]
    [InlineData("6", "PupilIllness", "Справка", "вне шкалы")]
    [InlineData("з", "PupilIllness", "Справка", "зачётным")]
    [InlineData("4", "", "Справка", "Выберите основание исправления.")]
    [InlineData("4", "Forgery", "Справка", "Значение «Forgery» не подходит")]
    [InlineData("4", "PupilIllness", "", "Опишите причину и подтверждающий документ.")]
    public async Task A_bad_request_is_refused_in_russian_and_nothing_is_filed(string value, string reason, string explanation, string message)
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 9);
        await using var sql = await DemoSqlAsync();
        var before = await RequestsAsync(sql, cell);

        var response = await FileAsync(teacher, cell, value, reason, explanation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await RequestsAsync(sql, cell)).ShouldBe(before);
    }

    [Fact]
    public async Task One_pending_request_per_cell_and_an_open_lesson_is_corrected_in_the_journal_itself()
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 11);
        await using var sql = await DemoSqlAsync();
        (await FileAsync(teacher, cell, "б")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var second = await FileAsync(teacher, cell, "у");

        (await second.Content.ReadAsStringAsync()).ShouldContain("уже есть заявка");
        (await RequestsAsync(sql, cell)).ShouldBe(1);
        var today = await sql.ScalarAsync<Guid>(
            "SELECT l.id FROM lessons l WHERE l.assignment_id = (SELECT assignment_id FROM lessons WHERE id = @l) AND l.date <= current_date ORDER BY l.date DESC LIMIT 1",
            ("l", cell.Lesson));
        var open = await FileAsync(teacher, cell with { Lesson = today, Work = null }, "5");
        (await open.Content.ReadAsStringAsync()).ShouldContain("Урок ещё открыт для изменений");
    }

    [Fact]
    public async Task Other_teachers_other_schools_and_other_roles_do_not_reach_requests()
    {
        var (teacher, cell) = await LockedCellAsync(app, row: 13);
        await using var sql = await DemoSqlAsync();
        (await FileAsync(teacher, cell, "2")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await PendingRequestAsync(sql, cell);

        var classTeacher = await app.SignInAsync("classteacher@demo");
        (await classTeacher.GetAsync($"/s/demo/teacher/corrections/new?lesson={cell.Lesson}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ShouldBeForbiddenAsync(classTeacher, $"/s/demo/deputy/corrections/{request}");
        await ShouldBeForbiddenAsync(teacher, "/s/demo/deputy/corrections");
        await ShouldBeForbiddenAsync(await app.SignInAsync("parent@demo"), "/s/demo/teacher/corrections");
        var otherDeputy = await app.SignInAsync("deputy@demo2");
        (await otherDeputy.GetAsync($"/s/demo2/deputy/corrections/{request}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherDeputy.GetStringAsync("/s/demo2/deputy/corrections")).ShouldNotContain(cell.Pupil.ToString());
        var otherTeacher = await app.SignInAsync("teacher@demo2");
        (await otherTeacher.GetAsync($"/s/demo2/teacher/corrections/new?lesson={cell.Lesson}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var deputy2 = await DecideAsync2(otherDeputy, request);
        deputy2.ShouldBe(HttpStatusCode.NotFound);
        (await sql.ScalarAsync<string>("SELECT status FROM correction_requests WHERE id = @r", ("r", request))).ShouldBe("Pending");
    }

    private static async Task ShouldBeForbiddenAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");
    }

    private static async Task<HttpStatusCode> DecideAsync2(HttpClient deputy2, Guid request)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(deputy2, "/s/demo2/deputy/corrections");
        var response = await deputy2.PostAsync($"/s/demo2/deputy/corrections/{request}/approve", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["RegistrationNumber"] = "1", ["Value"] = "5", ["__RequestVerificationToken"] = token }));
        return response.StatusCode;
    }
}
