using System.Net;
using AngleSharp.Html.Parser;
using Journal.Web.Tests.Infrastructure;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>DRY-3: school and class announcements, published by the administration and class teachers.</summary>
public sealed class AnnouncementTests(JournalApp app)
{
    [Fact]
    public async Task DRY3_the_pupil_sees_the_schools_and_their_classs_announcements_and_not_another_classs()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var (class5a, class5b) = (await ClassAsync(sql, "5А"), await ClassAsync(sql, "5Б"));
        var deputy = await app.SignInAsync("deputy@demo");
        var classTeacher = await app.SignInAsync("classteacher@demo");

        (await PublishAsync(deputy, $"Родительское собрание {tag}", "В четверг в 18:00, актовый зал.", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PublishAsync(classTeacher, $"Экскурсия 5А {tag}", "Собираемся у школы в 9:00.", class5a)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PublishAsync(deputy, $"Только 5Б {tag}", "Замена расписания.", class5b)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await sql.ScalarAsync<int>(
            """
            INSERT INTO announcements (school_id, id, title, text, author_id, published_at, show_until)
            SELECT school_id, gen_random_uuid(), @t, 'Прошло.', id, now(), current_date - 1 FROM memberships LIMIT 1
            """,
            ("t", $"Вчерашнее {tag}"));

        foreach (var (login, home) in new[] { ("student@demo", "/s/demo/student"), ("parent@demo", "/s/demo/parent") })
        {
            var page = await new HtmlParser().ParseDocumentAsync(await (await app.SignInAsync(login)).GetStringAsync(home));
            var titles = page.QuerySelectorAll(".announcements h3").Select(h => h.TextContent.Trim()).Where(t => t.EndsWith(tag, StringComparison.Ordinal)).ToList();
            titles.ShouldContain($"Родительское собрание {tag}", login);
            titles.ShouldContain($"Экскурсия 5А {tag}", login);
            titles.ShouldNotContain($"Вчерашнее {tag}", login);
            if (login == "student@demo")
            {
                titles.ShouldNotContain($"Только 5Б {tag}");
            }
        }
    }

    [Fact]
    public async Task DRY3_a_class_teacher_announces_only_to_their_own_class_and_nothing_else_is_saved()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var classTeacher = await app.SignInAsync("classteacher@demo");

        var school = await PublishAsync(classTeacher, $"Всем {tag}", "Текст", null);
        var other = await PublishAsync(classTeacher, $"Чужому {tag}", "Текст", await ClassAsync(sql, "5Б"));
        var empty = await PublishAsync(classTeacher, "", "", await ClassAsync(sql, "5А"));

        (await Alert(school)).ShouldBe("Объявление для всей школы публикует администрация.");
        (await Alert(other)).ShouldBe("Этого класса нет среди ваших.");
        var emptyPage = await new HtmlParser().ParseDocumentAsync(await empty.Content.ReadAsStringAsync());
        emptyPage.QuerySelectorAll(".text-danger").Select(e => e.TextContent.Trim()).ShouldContain("Напишите заголовок.");
        (await sql.ScalarAsync<long>("SELECT count(*) FROM announcements WHERE title LIKE @t", ("t", $"%{tag}"))).ShouldBe(0);
    }

    [Fact]
    public async Task DRY3_a_class_teacher_removes_their_own_announcement_but_not_the_deputys()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var class5a = await ClassAsync(sql, "5А");
        var deputy = await app.SignInAsync("deputy@demo");
        var classTeacher = await app.SignInAsync("classteacher@demo");
        await PublishAsync(deputy, $"Завуч 5А {tag}", "Текст", class5a);
        await PublishAsync(classTeacher, $"Своё {tag}", "Текст", class5a);
        var (deputys, own) = (
            await sql.ScalarAsync<Guid>("SELECT id FROM announcements WHERE title = @t", ("t", $"Завуч 5А {tag}")),
            await sql.ScalarAsync<Guid>("SELECT id FROM announcements WHERE title = @t", ("t", $"Своё {tag}")));

        (await DeleteAsync(classTeacher, deputys)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await DeleteAsync(classTeacher, own)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await sql.ColumnAsync<string>("SELECT title FROM announcements WHERE title LIKE @t", ("t", $"%{tag}"))).ShouldBe([$"Завуч 5А {tag}"]);
    }

    [Theory]
    [InlineData("teacher@demo", HttpStatusCode.Redirect)]
    [InlineData("parent@demo", HttpStatusCode.Redirect)]
    [InlineData("student@demo", HttpStatusCode.Redirect)]
    [InlineData("deputy@demo2", HttpStatusCode.NotFound)]
    public async Task Only_the_administration_and_class_teachers_publish(string login, HttpStatusCode expected)
    {
        var client = await app.SignInAsync(login);

        var page = await client.GetAsync("/s/demo/announcements");

        page.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
        {
            page.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");
        }
    }

    private static Task<Guid> ClassAsync(Sql sql, string name) =>
        sql.ScalarAsync<Guid>("SELECT id FROM classes WHERE grade || letter = @n", ("n", name));

    private static async Task<HttpResponseMessage> PublishAsync(HttpClient client, string title, string text, Guid? classId)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, "/s/demo/announcements");
        return await client.PostAsync("/s/demo/announcements", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Text"] = text,
            ["ClassId"] = classId?.ToString() ?? "",
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, Guid id)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, "/s/demo/announcements");
        return await client.PostAsync($"/s/demo/announcements/{id}/delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<string> Alert(HttpResponseMessage response) =>
        (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector(".alert-danger")!.TextContent.Trim();
}
