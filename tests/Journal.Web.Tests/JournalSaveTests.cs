using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Npgsql;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>The cell save endpoint (JRN-1, LCK-1, LCK-3): every bad input refused in Russian with nothing changed.</summary>
public sealed class JournalSaveTests(JournalApp app)
{
    private sealed record Session(HttpClient Client, string Token, IHtmlDocument Page, string Url);

    private async Task<Session> OpenAsync(string login, string journal)
    {
        var client = await app.SignInAsync(login);
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/teacher"));
        var link = home.QuerySelectorAll(".journal-list a").Single(a => a.TextContent.Trim() == journal).GetAttribute("href")!;
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(link));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new Session(client, token, page, link);
    }

    /// <summary>An editable cell: the oldest lesson still open (browser tests use the newest), a pupil well down the list.</summary>
    private static (Guid Lesson, Guid Pupil, string Value) OpenCell(Session session, int row = 12)
    {
        var open = session.Page.QuerySelectorAll("input.cell:not([readonly])").ToList();
        var column = open.Min(c => int.Parse(c.GetAttribute("data-col")!, System.Globalization.CultureInfo.InvariantCulture));
        var cell = open.Where(c => c.GetAttribute("data-col") == column.ToString(System.Globalization.CultureInfo.InvariantCulture)).ElementAt(row);
        var (lesson, pupil) = Ids(session, cell);
        return (lesson, pupil, ((IHtmlInputElement)cell).Value);
    }

    /// <summary>A cell's lesson comes from its column header, its pupil from its row.</summary>
    private static (Guid Lesson, Guid Pupil) Ids(Session session, AngleSharp.Dom.IElement cell)
    {
        var column = int.Parse(cell.GetAttribute("data-col")!, System.Globalization.CultureInfo.InvariantCulture);
        var header = session.Page.QuerySelectorAll("thead th.work-col")[column];
        return (Guid.Parse(header.GetAttribute("data-lesson")!), Guid.Parse(cell.Closest("tr")!.GetAttribute("data-pupil")!));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SaveAsync(
        Session session, Guid lesson, Guid pupil, string value, Guid? operation = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/s/demo/teacher/journal/cell")
        {
            Content = JsonContent.Create(new { operationId = operation ?? Guid.NewGuid(), lessonId = lesson, pupilId = pupil, value }),
        };
        if (withToken)
        {
            request.Headers.Add("X-CSRF-TOKEN", session.Token);
        }

        var response = await session.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private async Task<Sql> DemoSqlAsync() => await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));

    private static Task<long> ChangesAsync(Sql sql, Guid lesson, Guid pupil) => sql.ScalarAsync<long>(
        "SELECT count(*) FROM journal_changes WHERE lesson_id = @l AND pupil_id = @p", ("l", lesson), ("p", pupil));

    [Fact]
    public async Task A_mark_is_saved_with_its_history_and_a_retried_save_is_applied_once()
    {
        var session = await OpenAsync("teacher@demo", "5А — Математика");
        var (lesson, pupil, _) = OpenCell(session, row: 14);
        await using var sql = await DemoSqlAsync();
        var before = await ChangesAsync(sql, lesson, pupil);
        var operation = Guid.NewGuid();

        var first = await SaveAsync(session, lesson, pupil, "2", operation);
        var retry = await SaveAsync(session, lesson, pupil, "2", operation);

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Body.GetProperty("value").GetString().ShouldBe("2");
        retry.Status.ShouldBe(HttpStatusCode.OK);
        retry.Body.GetProperty("value").GetString().ShouldBe("2");
        (await ChangesAsync(sql, lesson, pupil)).ShouldBe(before + 1);
        (await sql.ScalarAsync<string>(
            "SELECT new_value || '|' || ground || '|' || target FROM journal_changes WHERE operation_id = @o", ("o", operation)))
            .ShouldBe("2|Entry|Mark");
    }

    [Theory]
    [InlineData("6", "вне шкалы")]
    [InlineData("4/", "не отметка")]
    [InlineData("abc", "не отметка")]
    [InlineData("5/4/3", "не отметка")]
    [InlineData("0", "вне шкалы")]
    [InlineData("з", "зачётным")]
    public async Task A_bad_value_is_refused_in_russian_and_changes_nothing(string value, string message)
    {
        var session = await OpenAsync("teacher@demo", "5А — Математика");
        var (lesson, pupil, shown) = OpenCell(session, row: 16);
        await using var sql = await DemoSqlAsync();
        var before = await ChangesAsync(sql, lesson, pupil);

        var (status, body) = await SaveAsync(session, lesson, pupil, value);

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        body.GetProperty("error").GetString()!.ShouldContain(message);
        (await ChangesAsync(sql, lesson, pupil)).ShouldBe(before);
        var reread = OpenCell(await OpenAsync("teacher@demo", "5А — Математика"), row: 16);
        reread.Value.ShouldBe(shown);
    }

    [Fact]
    public async Task Locked_and_future_lessons_are_refused_by_the_server_whatever_the_client_sends()
    {
        var session = await OpenAsync("teacher@demo", "5А — Математика");
        var locked = session.Page.QuerySelector("input.cell[data-state=locked]")!;
        var readOnly = session.Page.QuerySelectorAll("input.cell[readonly]");
        var future = readOnly[readOnly.Length - 1];

        var (lockedLesson, lockedPupil) = Ids(session, locked);
        var (futureLesson, futurePupil) = Ids(session, future);
        var old = await SaveAsync(session, lockedLesson, lockedPupil, "5");
        var ahead = await SaveAsync(session, futureLesson, futurePupil, "5");

        old.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        old.Body.GetProperty("error").GetString()!.ShouldContain("журнал закрыт");
        ahead.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        ahead.Body.GetProperty("error").GetString()!.ShouldContain("ещё не прошёл");
    }

    [Fact]
    public async Task Another_teachers_lesson_and_another_schools_lesson_are_not_found()
    {
        var session = await OpenAsync("teacher@demo", "5А — Математика");
        var (_, pupil, _) = OpenCell(session);
        await using var sql = await DemoSqlAsync();
        var russian = await sql.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN subjects s ON s.id = a.subject_id
            JOIN classes c ON c.id = a.class_id WHERE s.name = 'Русский язык' AND c.grade = 5 AND c.letter = 'А'
            AND l.date < CURRENT_DATE ORDER BY l.date DESC LIMIT 1
            """);
        await using var demo2 = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        var foreign = await demo2.ScalarAsync<Guid>("SELECT id FROM lessons WHERE date < CURRENT_DATE ORDER BY date DESC LIMIT 1");

        (await SaveAsync(session, russian, pupil, "5")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SaveAsync(session, foreign, pupil, "5")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SaveAsync(session, Guid.NewGuid(), pupil, "5")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pupil_of_another_class_is_refused()
    {
        var session = await OpenAsync("teacher@demo", "5А — Математика");
        var (lesson, _, _) = OpenCell(session);
        await using var sql = await DemoSqlAsync();
        var other = await sql.ScalarAsync<Guid>(
            "SELECT e.pupil_id FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE c.grade = 9 LIMIT 1");

        var (status, body) = await SaveAsync(session, lesson, other, "5");

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        body.GetProperty("error").GetString()!.ShouldContain("не числится");
    }

    [Fact]
    public async Task An_absence_then_a_mark_keeps_both_changes_in_history_and_the_mark_replaces_the_absence()
    {
        var session = await OpenAsync("teacher@demo", "5Б — Математика");
        var (lesson, pupil, _) = OpenCell(session, row: 15);
        await using var sql = await DemoSqlAsync();
        var before = await ChangesAsync(sql, lesson, pupil);

        (await SaveAsync(session, lesson, pupil, "Н")).Body.GetProperty("value").GetString().ShouldBe("н"); // Latin H
        (await SaveAsync(session, lesson, pupil, "4")).Body.GetProperty("value").GetString().ShouldBe("4");

        (await sql.ScalarAsync<long>("SELECT count(*) FROM absences WHERE lesson_id = @l AND pupil_id = @p", ("l", lesson), ("p", pupil)))
            .ShouldBe(0);
        (await ChangesAsync(sql, lesson, pupil)).ShouldBeGreaterThanOrEqualTo(before + 3); // absence set, mark set, absence removed
    }

    [Fact]
    public async Task A_save_without_the_antiforgery_header_is_refused()
    {
        var session = await OpenAsync("teacher@demo", "5А — Математика");
        var (lesson, pupil, _) = OpenCell(session);

        var (status, _) = await SaveAsync(session, lesson, pupil, "5", withToken: false);

        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Grade_1_takes_attendance_but_no_marks()
    {
        await using var sql = await DemoSqlAsync();
        var login = await sql.ScalarAsync<string>(
            """
            SELECT u.user_name FROM teaching_assignments a JOIN classes c ON c.id = a.class_id
            JOIN memberships m ON m.id = a.teacher_id JOIN users u ON u.id = m.user_id WHERE c.grade = 1 LIMIT 1
            """);
        var client = await app.SignInAsync(login);
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/teacher"));
        var link = home.QuerySelectorAll(".journal-list a").First(a => a.TextContent.TrimStart().StartsWith('1'));
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(link.GetAttribute("href")!));
        var session = new Session(
            client, page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, page, link.GetAttribute("href")!);
        var (lesson, pupil, _) = OpenCell(session, row: 3);

        var mark = await SaveAsync(session, lesson, pupil, "5");
        var absence = await SaveAsync(session, lesson, pupil, "б");

        mark.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        mark.Body.GetProperty("error").GetString()!.ShouldContain("В 1 классе отметки не ставятся");
        absence.Status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#grid-help")!.TextContent.ShouldContain("отметки не ставятся");
    }

    [Fact]
    public async Task History_rows_cannot_be_updated_or_deleted_by_the_application_role()
    {
        var session = await OpenAsync("teacher@demo", "5Б — Математика");
        var (lesson, pupil, _) = OpenCell(session, row: 18);
        (await SaveAsync(session, lesson, pupil, "3")).Status.ShouldBe(HttpStatusCode.OK);
        await using var sql = await DemoSqlAsync();
        (await ChangesAsync(sql, lesson, pupil)).ShouldBeGreaterThan(0);

        foreach (var statement in new[] { "UPDATE journal_changes SET new_value = '5'", "DELETE FROM journal_changes", "TRUNCATE journal_changes" })
        {
            await using var command = new NpgsqlCommand(statement, sql.Connection);
            var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, statement);
        }
    }

    [Theory]
    [InlineData("parent@demo", "/s/demo/parent")]
    [InlineData("student@demo", "/s/demo/student")]
    [InlineData("deputy@demo", "/s/demo/deputy")]
    public async Task Only_teachers_reach_the_journal_endpoints(string login, string home)
    {
        var teacher = await OpenAsync("teacher@demo", "5А — Математика");
        var (lesson, pupil, _) = OpenCell(teacher, row: 19);
        await using var sql = await DemoSqlAsync();
        var before = await ChangesAsync(sql, lesson, pupil);
        var client = await app.SignInAsync(login);
        // The user's own valid anti-forgery token: only the role check stands in the way.
        var own = new Session(client, await JournalApp.AntiforgeryTokenAsync(client, home), teacher.Page, home);

        var page = await client.GetAsync(teacher.Url);
        var (status, _) = await SaveAsync(own, lesson, pupil, "2");

        status.ShouldBe(HttpStatusCode.Forbidden);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");
        (await ChangesAsync(sql, lesson, pupil)).ShouldBe(before);
    }

    [Fact]
    public async Task A_save_after_the_session_ended_answers_401_not_a_login_page()
    {
        var session = await OpenAsync("teacher@demo", "5А — Математика");
        var (lesson, pupil, _) = OpenCell(session, row: 20);
        var signedOut = new Session(app.Anonymous(), session.Token, session.Page, session.Url);

        var (status, _) = await SaveAsync(signedOut, lesson, pupil, "5");

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_operation_id_reused_for_another_cell_is_not_taken_for_done()
    {
        var session = await OpenAsync("teacher@demo", "5Б — Математика");
        var (lesson, first, _) = OpenCell(session, row: 5);
        var (_, second, _) = OpenCell(session, row: 6);
        var operation = Guid.NewGuid();
        await using var sql = await DemoSqlAsync();

        (await SaveAsync(session, lesson, first, "4", operation)).Status.ShouldBe(HttpStatusCode.OK);
        var other = await SaveAsync(session, lesson, second, "5", operation);

        other.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        other.Body.GetProperty("error").GetString()!.ShouldContain("другой клетки");
        (await sql.ScalarAsync<long>(
            "SELECT count(*) FROM journal_changes WHERE operation_id = @o AND pupil_id = @p", ("o", operation), ("p", second)))
            .ShouldBe(0);
    }
}
