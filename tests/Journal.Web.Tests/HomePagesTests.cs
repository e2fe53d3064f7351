using AngleSharp.Html.Parser;
using Journal.Domain.Schools;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>Each role's home shows the school's own numbers, the same as the database holds.</summary>
public sealed class HomePagesTests(JournalApp app)
{
    private static readonly HtmlParser Parser = new();

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string login, string path)
    {
        var client = await app.SignInAsync(login);
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static Task<DateOnly> TodayAsync(string timeZone) =>
        Task.FromResult(SchoolClock.For(TimeProvider.System, timeZone).Today);

    [Fact]
    public async Task Admin_home_counts_the_pupils_enrolled_today_class_by_class()
    {
        var today = await TodayAsync("Asia/Yekaterinburg");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var expected = await sql.ScalarAsync<long>(
            "SELECT count(*) FROM enrolments WHERE from_date <= @d AND (to_date IS NULL OR to_date >= @d)", ("d", today));

        var page = await PageAsync("admin@demo", "/s/demo/admin");

        var perClass = page.QuerySelectorAll("table tbody tr").Select(row => int.Parse(row.Children[2].TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        perClass.Count.ShouldBe(7);
        perClass.Sum().ShouldBe((int)expected);
    }

    [Fact]
    public async Task Class_teacher_sees_a_departed_pupil_greyed_with_the_reason()
    {
        var today = await TodayAsync("Asia/Yekaterinburg");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var departed = await sql.ScalarAsync<long>(
            """
            SELECT count(*) FROM enrolments e JOIN classes c ON c.id = e.class_id
            WHERE c.grade = 5 AND c.letter = 'А' AND e.to_date < @d
            """,
            ("d", today));

        var page = await PageAsync("classteacher@demo", "/s/demo/classteacher");

        var greyed = page.QuerySelectorAll("tr.text-departed");
        greyed.Length.ShouldBe((int)departed);
        departed.ShouldBeGreaterThan(0, "the demo moves one pupil out of 5А");
        greyed[0].TextContent.ShouldContain("по ");
    }

    [Fact]
    public async Task Teacher_home_lists_todays_lessons_and_both_maths_journals()
    {
        var today = await TodayAsync("Asia/Yekaterinburg");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var lessonsToday = await sql.ScalarAsync<long>(
            """
            SELECT count(*) FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id
            JOIN memberships m ON m.id = a.teacher_id JOIN users u ON u.id = m.user_id
            WHERE u.user_name = 'teacher@demo' AND l.date = @d
            """,
            ("d", today));

        var page = await PageAsync("teacher@demo", "/s/demo/teacher");

        page.QuerySelectorAll("table.day-lessons tbody tr").Length.ShouldBe((int)lessonsToday);
        page.QuerySelectorAll(".journal-list a").Select(li => li.TextContent.Trim())
            .ShouldBe(["5А — Математика", "5Б — Математика"]);
    }

    [Fact]
    public async Task Parent_sees_own_children_here_and_the_other_school_as_a_link()
    {
        var page = await PageAsync("parent@demo", "/s/demo/parent");

        page.QuerySelectorAll(".card-title").Length.ShouldBe(2);
        page.QuerySelectorAll("a[href='/s/demo2/parent']").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Pupil_sees_own_name_and_class()
    {
        var page = await PageAsync("student@demo", "/s/demo/student");

        page.QuerySelector("h1")!.TextContent.ShouldContain("5А");
    }
}
