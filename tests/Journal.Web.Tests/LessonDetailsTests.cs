using System.Net;
using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>JRN-2, JRN-4: a lesson's topic and homework, with the lock and bad input refused in Russian.</summary>
public sealed class LessonDetailsTests(JournalApp app)
{
    private async Task<(HttpClient Client, List<string> Lessons)> TeacherAsync(string journal)
    {
        var client = await app.SignInAsync("teacher@demo");
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/teacher"));
        var link = home.QuerySelectorAll(".journal-list a").Single(a => a.TextContent.Trim() == journal).GetAttribute("href")!;
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(link));
        var lessons = page.QuerySelectorAll(".lesson-topics a").Select(a => a.GetAttribute("href")!).ToList();
        lessons.Count.ShouldBeGreaterThan(10);
        return (client, lessons);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string lesson, string topic, string homework, bool none)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, lesson);
        var fields = new Dictionary<string, string>
        {
            ["Topic"] = topic,
            ["Homework"] = homework,
            ["__RequestVerificationToken"] = token,
        };
        if (none)
        {
            fields["NoHomework"] = "true";
        }

        return await client.PostAsync(lesson, new FormUrlEncodedContent(fields));
    }

    private async Task<string?> TopicAsync(string lessonUrl)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        return await sql.ScalarAsync<string>(
            "SELECT coalesce(topic, '') || '|' || coalesce(homework, '') || '|' || no_homework FROM lessons WHERE id = @id",
            ("id", Guid.Parse(lessonUrl.Split('/')[^1])));
    }

    [Fact]
    public async Task Teacher_writes_the_topic_and_homework_of_an_open_lesson_and_sees_it_in_the_journal()
    {
        var (client, lessons) = await TeacherAsync("5Б — Математика");
        var today = lessons[^12]; // a recent lesson, inside the open window or ahead

        var response = await PostAsync(client, today, "Сложение и вычитание десятичных дробей", "§ 31, № 1201, 1203", none: false);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TopicAsync(today)).ShouldBe("Сложение и вычитание десятичных дробей|§ 31, № 1201, 1203|false");
        var journal = await client.GetStringAsync(response.Headers.Location!.PathAndQueryOrOriginal());
        journal.ShouldContain("Сложение и вычитание десятичных дробей");
    }

    [Fact]
    public async Task DL1_a_topic_or_homework_first_written_after_the_lesson_day_is_late_one_written_ahead_is_not()
    {
        var (client, lessons) = await TeacherAsync("5Б — Математика");
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var ids = lessons.Select(l => Guid.Parse(l.Split('/')[^1])).ToArray();
        var today = Journal.Domain.Schools.SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        var past = await sql.ScalarAsync<Guid>(
            "SELECT id FROM lessons WHERE id = ANY(@ids) AND date BETWEEN @from AND @to ORDER BY date LIMIT 1",
            ("ids", ids), ("from", today.AddDays(-10)), ("to", today.AddDays(-2)));
        var ahead = await sql.ScalarAsync<Guid>(
            "SELECT id FROM lessons WHERE id = ANY(@ids) AND date > @today ORDER BY date DESC LIMIT 1", ("ids", ids), ("today", today));
        await sql.ScalarAsync<int>(
            """
            UPDATE lessons SET topic = NULL, homework = NULL, no_homework = false, details_entered_at = NULL, homework_entered_at = NULL
            WHERE id = @id
            """,
            ("id", past));
        var url = lessons[0][..lessons[0].LastIndexOf('/')];

        (await PostAsync(client, $"{url}/{past}", "Деление десятичных дробей", "", none: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<bool>("SELECT homework_entered_at IS NULL FROM lessons WHERE id = @id", ("id", past))).ShouldBeTrue();
        (await PostAsync(client, $"{url}/{past}", "Деление десятичных дробей", "№ 1250", none: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(client, $"{url}/{ahead}", "Проценты", "№ 1301", none: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(client, $"{url}/{ahead}", "Проценты. Решение задач", "№ 1302", none: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        const string Entered = """
            SELECT details_late || '|' || (details_entered_at IS NOT NULL) || '|' || homework_late || '|' || (homework_entered_at IS NOT NULL)
            FROM lessons WHERE id = @id
            """;
        (await sql.ScalarAsync<string>(Entered, ("id", past))).ShouldBe("true|true|true|true");
        (await sql.ScalarAsync<string>(Entered, ("id", ahead))).ShouldBe("false|true|false|true");
    }

    [Fact]
    public async Task A_lesson_without_homework_is_marked_as_such()
    {
        var (client, lessons) = await TeacherAsync("5Б — Математика");
        var lesson = lessons[^10];

        (await PostAsync(client, lesson, "Контрольная работа по теме «Десятичные дроби»", "", none: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await TopicAsync(lesson)).ShouldBe("Контрольная работа по теме «Десятичные дроби»||true");
    }

    [Theory]
    [InlineData("", "§ 1", false, "Запишите тему урока.")]
    [InlineData("Тема", "§ 2", true, "не то и другое вместе")]
    public async Task A_bad_form_is_refused_in_russian_and_changes_nothing(string topic, string homework, bool none, string message)
    {
        var (client, lessons) = await TeacherAsync("5Б — Математика");
        var lesson = lessons[^8];
        var before = await TopicAsync(lesson);

        var response = await PostAsync(client, lesson, topic, homework, none);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await TopicAsync(lesson)).ShouldBe(before);
    }

    [Fact]
    public async Task A_locked_lesson_shows_why_and_refuses_changes()
    {
        var (client, lessons) = await TeacherAsync("5А — Математика");
        var old = lessons[0]; // the first lesson of the current quarter, weeks ago
        var before = await TopicAsync(old);

        var page = await client.GetStringAsync(old);
        var response = await PostAsync(client, old, "Новая тема", "", none: true);

        page.ShouldContain("журнал закрыт");
        (await response.Content.ReadAsStringAsync()).ShouldContain("журнал закрыт");
        (await TopicAsync(old)).ShouldBe(before);
    }

    [Fact]
    public async Task Another_teachers_or_another_schools_lesson_is_not_found()
    {
        var (client, _) = await TeacherAsync("5А — Математика");
        await using var demo2 = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        var foreign = await demo2.ScalarAsync<Guid>("SELECT id FROM lessons LIMIT 1");
        await using var demo = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var russian = await demo.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id
            JOIN subjects s ON s.id = a.subject_id WHERE s.name = 'Русский язык' LIMIT 1
            """);

        (await client.GetAsync($"/s/demo/teacher/journal/lesson/{foreign}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/s/demo/teacher/journal/lesson/{russian}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
