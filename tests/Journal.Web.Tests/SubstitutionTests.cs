using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Journal.Domain.Schools;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>ORG-5, JRN-1: a substitute fills the journal of the lessons they gave; the journal shows who gave them.</summary>
public sealed class SubstitutionTests(JournalApp app)
{
    [Fact]
    public async Task A_substitute_writes_the_lessons_they_gave_and_only_those_and_the_journal_names_them()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var today = SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        var substitute = await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'classteacher@demo'");
        var teacher = await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'teacher@demo'");
        var assignment = await sql.ScalarAsync<Guid>(
            """
            SELECT a.id FROM teaching_assignments a JOIN classes c ON c.id = a.class_id JOIN subjects s ON s.id = a.subject_id
            WHERE a.teacher_id = @t AND c.grade = 5 AND c.letter = 'А' AND s.name = 'Математика'
            """,
            ("t", teacher));
        var lessons = await sql.ColumnAsync<Guid>(
            "SELECT id FROM lessons WHERE assignment_id = @a AND date <= @d ORDER BY date DESC, lesson_number DESC LIMIT 6",
            ("a", assignment), ("d", today));
        var (given, other) = (lessons[3], lessons[4]);
        await sql.ScalarAsync<int>("UPDATE lessons SET substitute_teacher_id = @s WHERE id = @l", ("s", substitute), ("l", given));

        var client = await app.SignInAsync("classteacher@demo");
        // The period holding the lesson (early in a quarter it may be the previous one).
        var period = await sql.ScalarAsync<Guid>(
            """
            SELECT p.id FROM study_periods p JOIN lessons l ON l.id = @l AND l.date BETWEEN p.start_date AND p.end_date
            JOIN grade_period_kinds k ON k.academic_year_id = p.academic_year_id AND k.kind = p.kind AND k.grade = 5
            """,
            ("l", given));
        var journalUrl = $"/s/demo/teacher/journal/{assignment}?period={period}";
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(journalUrl));
        var columns = page.QuerySelectorAll("thead th.work-col");
        var editable = page.QuerySelectorAll("input.cell:not([readonly])")
            .Select(c => columns[int.Parse(c.GetAttribute("data-col")!, System.Globalization.CultureInfo.InvariantCulture)].GetAttribute("data-lesson"))
            .Distinct().ToList();
        editable.ShouldBe([given.ToString()]);
        var cell = page.QuerySelector("input.cell:not([readonly])")!;
        var pupil = Guid.Parse(cell.Closest("tr")!.GetAttribute("data-pupil")!);
        var value = cell.GetAttribute("value") == "4" ? "5" : "4";
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var saved = await SaveAsync(client, token, given, pupil, value);
        var refused = await SaveAsync(client, token, other, pupil, value);

        saved.ShouldBe(HttpStatusCode.OK);
        refused.ShouldBe(HttpStatusCode.NotFound);
        (await sql.ScalarAsync<Guid>(
                "SELECT author_id FROM journal_changes WHERE lesson_id = @l AND pupil_id = @p ORDER BY at DESC LIMIT 1",
                ("l", given), ("p", pupil)))
            .ShouldBe(substitute);
        var owner = await app.SignInAsync("teacher@demo");
        var journal = await new HtmlParser().ParseDocumentAsync(await owner.GetStringAsync(journalUrl));
        journal.QuerySelectorAll("thead th.date-col").ShouldContain(th => th.GetAttribute("title")!.StartsWith("Замена: Никитина М. С.", StringComparison.Ordinal));
        (await (await app.SignInAsync("teacher@demo2")).GetAsync($"/s/demo2/teacher/journal/{assignment}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Only the periods of the lessons given: the substitute can't browse the journal's other quarters.
        page.QuerySelectorAll("a[href*='?period=']").Length.ShouldBe(1);
        var otherPeriod = await sql.ScalarAsync<Guid>(
            """
            SELECT p.id FROM study_periods p JOIN grade_period_kinds k ON k.academic_year_id = p.academic_year_id AND k.kind = p.kind AND k.grade = 5
            WHERE p.id <> @p LIMIT 1
            """,
            ("p", period));
        (await client.GetAsync($"/s/demo/teacher/journal/{assignment}?period={otherPeriod}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<HttpStatusCode> SaveAsync(HttpClient client, string token, Guid lesson, Guid pupil, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/s/demo/teacher/journal/cell")
        {
            Content = JsonContent.Create(new { operationId = Guid.NewGuid(), lessonId = lesson, pupilId = pupil, value }),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return (await client.SendAsync(request)).StatusCode;
    }
}
