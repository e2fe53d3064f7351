using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>JRN-2: several works per lesson, each of a school work kind with a weight, as columns under the date.</summary>
public sealed class AddWorkTests(JournalApp app)
{
    private async Task<(HttpClient Client, string Journal, string Lesson)> OpenLessonAsync(int fromEnd)
    {
        var client = await app.SignInAsync("teacher@demo");
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/teacher"));
        var journal = home.QuerySelectorAll(".journal-list a").Single(a => a.TextContent.Trim() == "5А — Математика").GetAttribute("href")!;
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(journal));
        var lessons = page.QuerySelectorAll(".lesson-topics a").Select(a => a.GetAttribute("href")!).ToList();
        return (client, journal, lessons[^fromEnd]);
    }

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, string lesson, string kind, string weight)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, lesson);
        return await client.PostAsync($"{lesson}/works", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["KindId"] = kind,
            ["Weight"] = weight,
            ["Title"] = "Контрольная работа № 3",
            ["__RequestVerificationToken"] = token,
        }));
    }

    private async Task<string> KindAsync(string slug, string name)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));
        return (await sql.ScalarAsync<Guid>("SELECT id FROM work_kinds WHERE name = @n", ("n", name))).ToString();
    }

    [Fact]
    public async Task A_control_work_with_weight_becomes_a_second_column_under_the_date()
    {
        var (client, journal, lesson) = await OpenLessonAsync(fromEnd: 14);
        var lessonId = lesson[(lesson.LastIndexOf('/') + 1)..];
        async Task<List<AngleSharp.Dom.IElement>> WorkColumnsAsync() =>
            (await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(journal)))
            .QuerySelectorAll("thead th.work-col")
            .Where(th => th.GetAttribute("data-lesson") == lessonId && !string.IsNullOrEmpty(th.GetAttribute("data-work")))
            .ToList();
        var before = (await WorkColumnsAsync()).Count;

        var response = await AddAsync(client, lesson, await KindAsync("demo", "Контрольная работа"), "2,5");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetStringAsync(lesson);
        page.ShouldContain("Контрольная работа: Контрольная работа № 3, вес 2,5");
        var after = await WorkColumnsAsync();
        after.Count.ShouldBe(before + 1);
        after.ShouldContain(th => th.TextContent.Contains("×2,5"));
    }

    [Fact]
    public async Task An_absence_typed_under_a_second_work_shows_in_every_column_of_the_lesson_without_a_mark()
    {
        var client = await app.SignInAsync("teacher@demo");
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/teacher"));
        var journal = home.QuerySelectorAll(".journal-list a").Single(a => a.TextContent.Trim() == "5Б — Математика").GetAttribute("href")!;
        var grid = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(journal));
        var open = grid.QuerySelectorAll("input.cell:not([readonly])").ToList();
        var lastColumn = open.Max(c => int.Parse(c.GetAttribute("data-col")!, System.Globalization.CultureInfo.InvariantCulture));
        var lessonId = grid.QuerySelectorAll("thead th.work-col")[lastColumn].GetAttribute("data-lesson")!;
        var lesson = $"/s/demo/teacher/journal/lesson/{lessonId}";
        // Two works of its own (a lesson without works shows one placeholder column).
        (await AddAsync(client, lesson, await KindAsync("demo", "Тест"), "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AddAsync(client, lesson, await KindAsync("demo", "Тест"), "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        grid = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(journal));
        var columns = grid.QuerySelectorAll("thead th.work-col").Select((th, i) => (th, i))
            .Where(c => c.th.GetAttribute("data-lesson") == lessonId).ToList();
        columns.Count.ShouldBeGreaterThan(1);
        var row = grid.QuerySelectorAll("tbody tr[data-pupil]").First(tr => columns.All(c =>
            tr.QuerySelector($"input.cell[data-col='{c.i}']") is { } input && string.IsNullOrEmpty(input.GetAttribute("value"))));
        var token = grid.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/s/demo/teacher/journal/cell")
        {
            Content = JsonContent.Create(new
            {
                operationId = Guid.NewGuid(), lessonId = Guid.Parse(lessonId), workId = Guid.Parse(columns[^1].th.GetAttribute("data-work")!),
                pupilId = Guid.Parse(row.GetAttribute("data-pupil")!), value = "н",
            }),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(journal));
        var cells = after.QuerySelector($"tr[data-pupil='{row.GetAttribute("data-pupil")}']")!;
        columns.ShouldAllBe(c => cells.QuerySelector($"input.cell[data-col='{c.i}']")!.GetAttribute("value") == "н");
    }

    [Fact]
    public async Task DL2_a_control_work_mark_days_after_the_lesson_is_on_time_an_answer_mark_is_late()
    {
        var client = await app.SignInAsync("teacher@demo");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var today = Journal.Domain.Schools.SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        var lesson = await sql.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id
            JOIN memberships m ON m.id = a.teacher_id JOIN users u ON u.id = m.user_id
            WHERE u.user_name = 'teacher@demo' AND c.grade = 5 AND c.letter = 'А' AND l.date BETWEEN @from AND @to
            ORDER BY l.date DESC LIMIT 1
            """,
            ("from", today.AddDays(-3)), ("to", today.AddDays(-1)));
        var pupil = await sql.ScalarAsync<Guid>(
            """
            SELECT e.pupil_id FROM enrolments e JOIN lessons l ON l.id = @l JOIN teaching_assignments a ON a.id = l.assignment_id
            JOIN pupils p ON p.id = e.pupil_id WHERE e.class_id = a.class_id AND e.to_date IS NULL ORDER BY p.last_name OFFSET 3 LIMIT 1
            """,
            ("l", lesson));
        var url = $"/s/demo/teacher/journal/lesson/{lesson}";
        (await AddAsync(client, url, await KindAsync("demo", "Контрольная работа"), "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var control = await sql.ScalarAsync<Guid>(
            "SELECT w.id FROM works w JOIN work_kinds k ON k.id = w.kind_id WHERE w.lesson_id = @l AND k.name = 'Контрольная работа' ORDER BY w.id DESC LIMIT 1",
            ("l", lesson));
        (await AddAsync(client, url, await KindAsync("demo", "Ответ на уроке"), "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var answer = await sql.ScalarAsync<Guid>(
            "SELECT w.id FROM works w JOIN work_kinds k ON k.id = w.kind_id WHERE w.lesson_id = @l AND k.name = 'Ответ на уроке' ORDER BY w.id DESC LIMIT 1",
            ("l", lesson));
        var token = await JournalApp.AntiforgeryTokenAsync(client, url);

        foreach (var (work, value) in new[] { (control, "4"), (answer, "5") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/s/demo/teacher/journal/cell")
            {
                Content = JsonContent.Create(new { operationId = Guid.NewGuid(), lessonId = lesson, workId = work, pupilId = pupil, value }),
            };
            request.Headers.Add("X-CSRF-TOKEN", token);
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        const string Late = "SELECT is_late FROM journal_changes WHERE work_id = @w AND pupil_id = @p ORDER BY at DESC LIMIT 1";
        (await sql.ScalarAsync<bool>(Late, ("w", control), ("p", pupil))).ShouldBeFalse();
        (await sql.ScalarAsync<bool>(Late, ("w", answer), ("p", pupil))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("demo", "0", "Вес работы — число от 0,1 до 10")]
    [InlineData("demo", "много", "Вес работы — число от 0,1 до 10")]
    [InlineData("demo2", "1", "Такого вида работы в школе нет.")]
    public async Task A_bad_weight_or_another_schools_kind_is_refused_in_russian(string kindSchool, string weight, string message)
    {
        var (client, _, lesson) = await OpenLessonAsync(fromEnd: 16);
        var before = (await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(lesson))).QuerySelectorAll(".works-list li").Length;

        var response = await AddAsync(client, lesson, await KindAsync(kindSchool, "Контрольная работа"), weight);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(lesson))).QuerySelectorAll(".works-list li").Length
            .ShouldBe(before);
    }

    [Fact]
    public async Task No_work_is_added_to_a_locked_lesson()
    {
        var (client, _, _) = await OpenLessonAsync(fromEnd: 1);
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/teacher"));
        var journal = home.QuerySelectorAll(".journal-list a")[0].GetAttribute("href")!;
        var first = (await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(journal)))
            .QuerySelectorAll(".lesson-topics a")[0].GetAttribute("href")!;

        var response = await AddAsync(client, first, await KindAsync("demo", "Тест"), "");

        (await response.Content.ReadAsStringAsync()).ShouldContain("журнал закрыт");
    }
}
