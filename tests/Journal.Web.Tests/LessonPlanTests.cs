using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ClosedXML.Excel;
using Journal.Domain.Schools;
using Journal.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>
/// JRN-6, the КТП: import from Excel with a preview, row errors in Russian, the lesson page proposing
/// the next topic, progress for the teacher and the Deputy, and who may see what. Each test works on
/// a subject × grade level no other test changes.
/// </summary>
public sealed class LessonPlanTests(JournalApp app)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static DateOnly Today => SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;

    /// <summary>An .xlsx with one sheet: the rows as given (the first one the header); null leaves a cell empty.</summary>
    private static byte[] Xlsx(params object?[][] rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("КТП");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                switch (rows[r][c])
                {
                    case int number:
                        cell.Value = number;
                        break;
                    case double number:
                        cell.Value = number;
                        break;
                    case string text:
                        cell.SetValue(text);
                        break;
                }
            }
        }

        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    private static object?[] Row(params object?[] cells) => cells;

    private async Task<Sql> DemoAsync() => await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));

    private async Task<string> PlanUrlAsync(string subject, int grade, string slug = "demo")
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));
        var id = await sql.ScalarAsync<Guid>("SELECT id FROM subjects WHERE name = @n", ("n", subject));
        return $"/s/{slug}/teacher/plans/{id}/{grade}";
    }

    private sealed record Topic(Guid Id, int Position, string Title, int Hours, string? Homework);

    private async Task<List<Topic>> TopicsAsync(string subject, int grade)
    {
        await using var sql = await DemoAsync();
        var rows = await sql.ColumnAsync<string>(
            """
            SELECT t.id || '|' || t.position || '|' || t.hours || '|' || t.title || '|' || coalesce(t.homework, '')
            FROM plan_topics t JOIN lesson_plans p ON p.id = t.plan_id JOIN subjects s ON s.id = p.subject_id
            WHERE s.name = @s AND p.grade = @g ORDER BY t.position
            """,
            ("s", subject), ("g", grade));
        return rows.Select(r => r.Split('|'))
            .Select(p => new Topic(Guid.Parse(p[0]), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture),
                p[3], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), p[4].Length == 0 ? null : p[4]))
            .ToList();
    }

    private async Task<List<Guid>> LessonsOfTopicAsync(Guid topic)
    {
        await using var sql = await DemoAsync();
        return await sql.ColumnAsync<Guid>("SELECT id FROM lessons WHERE plan_topic_id = @t ORDER BY id", ("t", topic));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string planUrl, byte[]? bytes, string fileName = "КТП.xlsx")
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, planUrl);
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
            content.Add(file, "file", fileName);
        }

        return await client.PostAsync($"{planUrl}/import", content);
    }

    /// <summary>Posts the preview's «Сохранить план» form as a browser would.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string planUrl, IDocument preview)
    {
        var form = preview.QuerySelector($"form[action='{planUrl}/save']").ShouldNotBeNull("the preview offers «Сохранить план»");
        using var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        }

        return await client.PostAsync($"{planUrl}/save", content);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static List<string> TableRows(IDocument page, string selector) =>
        page.QuerySelectorAll($"{selector} tbody tr")
            .Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();

    [Fact]
    public async Task A_valid_file_is_previewed_then_saved_and_lessons_keep_their_topics()
    {
        var client = await app.SignInAsync("teacher13@demo");
        var url = await PlanUrlAsync("Музыка", 7);
        var old = await TopicsAsync("Музыка", 7);
        old.Count.ShouldBeGreaterThan(3);
        var keptByTitle = await LessonsOfTopicAsync(old[0].Id);
        var dropped = await LessonsOfTopicAsync(old[1].Id);
        keptByTitle.Count.ShouldBeGreaterThan(0, "the seed gave the first topic in past lessons");
        // The header in another order and case; «№» left empty; the old first topic moves to place 2
        // (kept by its title), place 3 gets a new title (the old third topic, renamed), the old second is gone.
        var file = Xlsx(
            Row("ТЕМА", "№", "Домашнее задание", "часы"),
            Row("Вводный урок: музыка вокруг нас", null, "Послушать «Времена года» П. И. Чайковского", 2),
            Row(old[0].Title, null, null, 4),
            Row("Музыкальный фольклор: песни моего края", null, "Записать песню, которую поют в семье", 4),
            Row("Музыка и живопись", 4, null, 3),
            Row("Музыка в кино", 5, null, 3),
            Row(),
            Row("Опера", 6, "§ 12", 3),
            Row("Балет", 7, null, 3),
            Row("Мюзикл", 8, null, 3),
            Row("Симфония", 9, null, 3),
            Row("Джаз", 10, null, 3),
            Row("Итоговый урок: музыка в жизни человека", 11, null, 3));

        var previewResponse = await UploadAsync(client, url, file);

        previewResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await ParseAsync(previewResponse);
        var status = preview.QuerySelector("[role=status]")!.TextContent;
        status.ShouldContain("Ошибок нет: 11 тем, 34 ч.");
        status.ShouldContain("По учебному плану: 34 ч.");
        if (dropped.Count > 0)
        {
            status.ShouldContain($"Уроков, которые потеряют связь с КТП (их тем больше нет в плане): {dropped.Count}.");
        }

        TableRows(preview, "table.import-preview").Count.ShouldBe(11);
        (await TopicsAsync("Музыка", 7)).ShouldBe(old, "a preview saves nothing");

        var saved = await SaveAsync(client, url, preview);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(saved.Headers.Location!.PathAndQueryOrOriginal()));
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("План сохранён.");
        var rows = TableRows(page, "table.plan-topics");
        rows.Count.ShouldBe(11);
        rows[0].ShouldStartWith("1|Вводный урок: музыка вокруг нас|2|Послушать «Времена года» П. И. Чайковского|0");
        var total = page.QuerySelector("table.plan-topics tfoot")!.TextContent;
        total.ShouldContain("Итого: 11 тем");
        total.ShouldContain("34");
        total.ShouldContain("совпадает с учебным планом");

        var now = await TopicsAsync("Музыка", 7);
        now.Select(t => t.Position).ShouldBe(Enumerable.Range(1, 11));
        now.Sum(t => t.Hours).ShouldBe(34);
        now[1].Id.ShouldBe(old[0].Id, "the same title keeps the topic, moved to place 2");
        now[2].Id.ShouldBe(old[2].Id, "a new title at the old place takes over that topic");
        now[2].Title.ShouldBe("Музыкальный фольклор: песни моего края");
        now.ShouldNotContain(t => t.Id == old[1].Id);
        (await LessonsOfTopicAsync(old[0].Id)).ShouldBe(keptByTitle);
        await using var sql = await DemoAsync();
        foreach (var lesson in dropped)
        {
            (await sql.ScalarAsync<Guid?>("SELECT plan_topic_id FROM lessons WHERE id = @l", ("l", lesson))).ShouldBeNull();
        }

        (await sql.ScalarAsync<string>(
            """
            SELECT u.user_name FROM lesson_plans p JOIN memberships m ON m.id = p.author_id JOIN users u ON u.id = m.user_id
            JOIN subjects s ON s.id = p.subject_id WHERE s.name = 'Музыка' AND p.grade = 7
            """)).ShouldBe("teacher13@demo");
    }

    [Fact]
    public async Task Bad_rows_are_listed_by_row_in_russian_and_nothing_is_saved()
    {
        var client = await app.SignInAsync("teacher11@demo");
        var url = await PlanUrlAsync("География", 5);
        var before = await TopicsAsync("География", 5);
        var file = Xlsx(
            Row("№", "Тема", "Часы", "Домашнее задание"),
            Row(1, "Что изучает география", 2, "§ 1"),
            Row(2, null, 3, "§ 2"),
            Row(3, "Земля во Вселенной", 1.5, null),
            Row(4, "Глобус", "два", null),
            Row(5, "Географическая карта", 0, null),
            Row(6, new string('А', 501), 1, null),
            Row(),
            Row(7, "Ориентирование на местности", null, null));

        var response = await UploadAsync(client, url, file);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await ParseAsync(response);
        var errors = preview.QuerySelector(".import-errors")!;
        errors.TextContent.ShouldContain("Строк с ошибками: 6. Ничего не сохранено");
        errors.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ShouldBe(
        [
            "Строка 3: не указана тема.",
            "Строка 4: часы «1,5» — не целое число: нужно целое число от 1 до 34.",
            "Строка 5: часы «два» — не число: нужно целое число от 1 до 34.",
            "Строка 6: часы 0 — нужно целое число от 1 до 34.",
            "Строка 7: тема длиннее 500 знаков (501).",
            "Строка 9: не указаны часы.",
        ]);
        preview.QuerySelector($"form[action='{url}/save']").ShouldBeNull("a file with errors can't be saved");
        (await TopicsAsync("География", 5)).ShouldBe(before);

        // The rows posted back by hand (or by a stale page) are checked again: one bad row, nothing saved.
        var token = await JournalApp.AntiforgeryTokenAsync(client, url);
        using var forged = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("2"), "rows[0].Line" }, { new StringContent("Тема"), "rows[0].Title" }, { new StringContent("34"), "rows[0].Hours" },
            { new StringContent("3"), "rows[1].Line" }, { new StringContent("Ещё тема"), "rows[1].Title" }, { new StringContent("-1"), "rows[1].Hours" },
        };
        var again = await client.PostAsync($"{url}/save", forged);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Строка 3: часы -1 — нужно целое число от 1 до 34.");
        (await TopicsAsync("География", 5)).ShouldBe(before);
    }

    public static TheoryData<string, int, string, string> RefusedFiles() => new()
    {
        { "text", 0, "КТП.xlsx", "Файл не является книгой Excel (.xlsx)." },
        { "text", 0, "КТП.csv", "Нужен файл Excel с расширением .xlsx" },
        { "text", 0, "КТП.xls", "старого формата Excel (.xls)" },
        { "empty", 0, "КТП.xlsx", "Файл пустой." },
        { "none", 0, "", "Выберите файл КТП (.xlsx)." },
        { "bytes", 3, "КТП.xlsx", "Файл больше 2 МБ (3 МБ)" },
        { "bytes", 50, "КТП.xlsx", "Файл больше 2 МБ (50 МБ)" },
        { "no-header", 0, "КТП.xlsx", "Не найдена строка заголовков: в строке 1 нет столбцов «Часы»" },
        { "header-only", 0, "КТП.xlsx", "Под заголовками нет ни одной темы." },
        { "twice", 0, "КТП.xlsx", "Строка 1: столбец «Тема» встречается дважды." },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_that_is_no_plan_gets_a_russian_message_and_changes_nothing(string kind, int megabytes, string name, string message)
    {
        var client = await app.SignInAsync("teacher11@demo");
        var url = await PlanUrlAsync("География", 7);
        var before = await TopicsAsync("География", 7);
        var bytes = kind switch
        {
            "text" => "№;Тема;Часы\n1;Введение;1"u8.ToArray(),
            "empty" => [],
            "none" => null,
            "bytes" => new byte[megabytes * 1024 * 1024],
            "no-header" => Xlsx(Row("№", "Тема", "Кол-во"), Row(1, "Введение", 1)),
            "header-only" => Xlsx(Row("№", "Тема", "Часы", "Домашнее задание")),
            _ => Xlsx(Row("Тема", "Часы", "Тема"), Row("Введение", 1, "Введение")),
        };

        var response = await UploadAsync(client, url, bytes, name);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        page.QuerySelector(".alert-danger[role=alert]")!.TextContent.ShouldContain(message);
        page.QuerySelector("h1")!.TextContent.ShouldContain("КТП: География, 7 класс");
        (await TopicsAsync("География", 7)).ShouldBe(before);
    }

    [Fact]
    public async Task The_lesson_page_proposes_the_next_topic_and_saving_it_links_the_lesson()
    {
        var client = await app.SignInAsync("teacher@demo");
        await using var sql = await DemoAsync();
        const string fiveA = """
            SELECT a.id FROM teaching_assignments a JOIN classes c ON c.id = a.class_id JOIN subjects s ON s.id = a.subject_id
            WHERE c.grade = 5 AND c.letter = 'А' AND s.name = 'Математика'
            """;
        var assignment = await sql.ScalarAsync<Guid>(fiveA);
        var lesson = await sql.ScalarAsync<Guid>(
            // Three weeks ahead: HomeworkFileTests attach files to the first lessons ahead of 5А maths meanwhile.
            "SELECT id FROM lessons WHERE assignment_id = @a AND date > @d AND topic IS NULL ORDER BY date, lesson_number LIMIT 1",
            ("a", assignment), ("d", Today.AddDays(21)));
        var expected = await sql.ScalarAsync<Guid>(
            """
            SELECT t.id FROM plan_topics t JOIN lesson_plans p ON p.id = t.plan_id JOIN subjects s ON s.id = p.subject_id
            WHERE s.name = 'Математика' AND p.grade = 5
              AND (SELECT count(*) FROM lessons l WHERE l.assignment_id = @a AND l.plan_topic_id = t.id AND l.id <> @l) < t.hours
            ORDER BY t.position LIMIT 1
            """,
            ("a", assignment), ("l", lesson));
        var topic = (await TopicsAsync("Математика", 5)).Single(t => t.Id == expected);
        topic.Homework.ShouldNotBeNull();
        var lessonUrl = $"/s/demo/teacher/journal/lesson/{lesson}";

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(lessonUrl));

        page.QuerySelector("label[for=plan-topic]")!.TextContent.ShouldBe("Тема по КТП");
        var chosen = page.QuerySelector("#plan-topic option[selected]").ShouldNotBeNull();
        chosen.GetAttribute("value").ShouldBe(expected.ToString());
        chosen.TextContent.ShouldContain($"{topic.Position}. {topic.Title}");
        chosen.TextContent.ShouldContain("следующая по плану");
        page.QuerySelector("#topic")!.GetAttribute("value").ShouldBe(topic.Title);

        var token = await JournalApp.AntiforgeryTokenAsync(client, lessonUrl);
        var response = await client.PostAsync(lessonUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PlanTopicId"] = expected.ToString(),
            ["Topic"] = "",
            ["Homework"] = "",
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<string>(
            "SELECT plan_topic_id || '|' || topic || '|' || coalesce(homework, '') FROM lessons WHERE id = @l", ("l", lesson)))
            .ShouldBe($"{expected}|{topic.Title}|{topic.Homework}");

        // A wording of the teacher's own is kept, and the lesson still gives the plan's topic.
        response = await client.PostAsync(lessonUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PlanTopicId"] = expected.ToString(),
            ["Topic"] = $"Самостоятельная работа по теме «{topic.Title}»",
            ["NoHomework"] = "true",
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await sql.ScalarAsync<string>(
            "SELECT plan_topic_id || '|' || topic || '|' || coalesce(homework, '') || '|' || no_homework FROM lessons WHERE id = @l", ("l", lesson)))
            .ShouldBe($"{expected}|Самостоятельная работа по теме «{topic.Title}»||true");

        // The journal page shows the progress: lessons up to today that gave a plan topic.
        var given = await sql.ScalarAsync<long>(
            "SELECT count(*) FROM lessons WHERE assignment_id = @a AND date <= @d AND plan_topic_id IS NOT NULL", ("a", assignment), ("d", Today));
        var planned = (await TopicsAsync("Математика", 5)).Sum(t => t.Hours);
        var journal = new HtmlParser().ParseDocument(await client.GetStringAsync($"/s/demo/teacher/journal/{assignment}"));
        journal.QuerySelector(".plan-progress")!.TextContent.ShouldContain($"КТП: дано {given} из {planned} ч.");
    }

    [Fact]
    public async Task A_topic_not_of_the_lessons_plan_is_refused_and_changes_nothing()
    {
        var client = await app.SignInAsync("teacher@demo");
        await using var sql = await DemoAsync();
        var lesson = await sql.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id
            JOIN subjects s ON s.id = a.subject_id
            WHERE c.grade = 5 AND c.letter = 'А' AND s.name = 'Математика' AND l.date > @d AND l.topic IS NULL
            ORDER BY l.date DESC LIMIT 1
            """,
            ("d", Today.AddDays(2)));
        var russian = (await TopicsAsync("Русский язык", 5))[0].Id;
        await using var demo2 = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        var foreign = await demo2.ScalarAsync<Guid>("SELECT id FROM plan_topics LIMIT 1");
        var lessonUrl = $"/s/demo/teacher/journal/lesson/{lesson}";
        var token = await JournalApp.AntiforgeryTokenAsync(client, lessonUrl);
        async Task<string> PostAsync(string planTopic) =>
            await (await client.PostAsync(lessonUrl, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["PlanTopicId"] = planTopic,
                ["Topic"] = "Тема",
                ["__RequestVerificationToken"] = token,
            }))).Content.ReadAsStringAsync();

        (await PostAsync(russian.ToString())).ShouldContain("Этой темы нет в КТП по предмету «Математика» для 5 класса.");
        (await PostAsync(foreign.ToString())).ShouldContain("Этой темы нет в КТП по предмету «Математика» для 5 класса.");
        (await PostAsync("abc")).ShouldContain("Значение «abc» не подходит для этого поля.");

        (await sql.ScalarAsync<string>("SELECT coalesce(topic, '') || '|' || coalesce(plan_topic_id::text, '') FROM lessons WHERE id = @l", ("l", lesson)))
            .ShouldBe("|");
    }

    [Fact]
    public async Task The_deputy_sees_each_journals_progress_as_the_database_has_it_and_flags_a_plan_off_the_curriculum()
    {
        // ОБЗР, 9 класс: one topic deleted, so the plan falls short of the curriculum.
        var teacher = await app.SignInAsync("teacher14@demo");
        var url = await PlanUrlAsync("Основы безопасности и защиты Родины", 9);
        var topics = await TopicsAsync("Основы безопасности и защиты Родины", 9);
        var token = await JournalApp.AntiforgeryTokenAsync(teacher, url);
        (await teacher.PostAsync($"{url}/topics/{topics[^1].Id}/delete", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var short_ = topics.Sum(t => t.Hours) - topics[^1].Hours;

        var deputy = await app.SignInAsync("deputy@demo");
        var page = new HtmlParser().ParseDocument(await deputy.GetStringAsync("/s/demo/deputy/plans"));

        var rows = TableRows(page, "table.deputy-plans");
        var safety = rows.Single(r => r.StartsWith("9А|Основы безопасности и защиты Родины|", StringComparison.Ordinal)).Split('|');
        safety[3].ShouldBe("34");
        safety[4].ShouldBe(short_.ToString(System.Globalization.CultureInfo.InvariantCulture));
        safety[7].ShouldBe($"⚠ В КТП {short_} ч., по учебному плану 34 ч.");
        await using var sql = await DemoAsync();
        var checkedRows = 0;
        foreach (var subject in new[] { "Физика", "Химия", "Биология" })
        {
            var expected = await sql.ColumnAsync<string>(
                """
                SELECT c.grade || c.letter || '|' || s.name || '|' || h.hours_per_year || '|' ||
                       (SELECT sum(t.hours) FROM plan_topics t JOIN lesson_plans p ON p.id = t.plan_id
                        WHERE p.subject_id = s.id AND p.grade = c.grade) || '|' ||
                       (SELECT count(*) FROM lessons l WHERE l.assignment_id = a.id AND l.date <= @d AND l.plan_topic_id IS NOT NULL) || '|' ||
                       (SELECT count(*) FROM lessons l WHERE l.assignment_id = a.id AND l.date <= @d AND coalesce(l.topic, '') <> '') || ' из ' ||
                       (SELECT count(*) FROM lessons l WHERE l.assignment_id = a.id AND l.date <= @d)
                FROM teaching_assignments a JOIN classes c ON c.id = a.class_id JOIN subjects s ON s.id = a.subject_id
                JOIN curriculum_hours h ON h.subject_id = s.id AND h.grade = c.grade
                WHERE s.name = @s ORDER BY c.grade, c.letter
                """,
                ("d", Today), ("s", subject));
            expected.ShouldNotBeEmpty();
            foreach (var row in expected)
            {
                var parts = row.Split('|');
                rows.ShouldContain(r => r.StartsWith($"{parts[0]}|{parts[1]}|", StringComparison.Ordinal)
                                        && r.EndsWith($"|{parts[2]}|{parts[3]}|{parts[4]}|{parts[5]}|в порядке", StringComparison.Ordinal), row);
                checkedRows++;
            }
        }

        checkedRows.ShouldBeGreaterThan(5);
        page.QuerySelector("main p")!.TextContent.ShouldContain($"Журналов: {rows.Count};");

        // «Только с замечаниями» leaves the flagged rows.
        var problems = TableRows(new HtmlParser().ParseDocument(await deputy.GetStringAsync("/s/demo/deputy/plans?problems=true")), "table.deputy-plans");
        problems.ShouldContain(r => r.StartsWith("9А|Основы безопасности", StringComparison.Ordinal));
        problems.ShouldAllBe(r => r.Contains('⚠'));

        // The teacher sees the same flag on the list of plans.
        var list = new HtmlParser().ParseDocument(await teacher.GetStringAsync("/s/demo/teacher/plans"));
        list.QuerySelectorAll("table.plans-table tbody tr").Single(r => r.TextContent.Contains("Основы безопасности и защиты Родины, 9 класс"))
            .QuerySelector(".plan-flag")!.TextContent.ShouldContain($"В КТП {short_} ч., по учебному плану 34 ч.");
    }

    [Fact]
    public async Task Topics_are_added_moved_changed_and_deleted_by_forms_with_bad_input_refused()
    {
        var client = await app.SignInAsync("teacher14@demo");
        var url = await PlanUrlAsync("Технология", 7);
        var before = await TopicsAsync("Технология", 7);
        var token = await JournalApp.AntiforgeryTokenAsync(client, url);
        Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = token;
            return client.PostAsync(url + path, new FormUrlEncodedContent(fields));
        }

        var added = await PostAsync("/topics", new() { ["Title"] = "Техника безопасности в мастерской", ["Hours"] = "1", ["Position"] = "1" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await TopicsAsync("Технология", 7);
        after[0].Title.ShouldBe("Техника безопасности в мастерской");
        after.Skip(1).Select(t => t.Id).ShouldBe(before.Select(t => t.Id), "the others keep their ids, one place down");

        var moved = await PostAsync($"/topics/{before[0].Id}", new()
        {
            ["Title"] = before[0].Title + " (проект)",
            ["Hours"] = "3",
            ["Position"] = after.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Homework"] = "Эскиз изделия",
        });
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var last = (await TopicsAsync("Технология", 7))[^1];
        last.ShouldBe(new Topic(before[0].Id, after.Count, before[0].Title + " (проект)", 3, "Эскиз изделия"));

        var bad = await PostAsync("/topics", new() { ["Title"] = "", ["Hours"] = "два" });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await bad.Content.ReadAsStringAsync();
        text.ShouldContain("Не указана тема.");
        text.ShouldContain("Часы «два» — не число");
        var farAway = await PostAsync("/topics", new() { ["Title"] = "Тема", ["Hours"] = "1", ["Position"] = "999" });
        (await farAway.Content.ReadAsStringAsync()).ShouldContain($"Место в плане — от 1 до {after.Count + 1}.");
        var foreign = (await TopicsAsync("Музыка", 5))[0].Id;
        (await PostAsync($"/topics/{foreign}/delete", new())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync($"/topics/{foreign}", new() { ["Title"] = "Тема", ["Hours"] = "1" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TopicsAsync("Технология", 7)).Count.ShouldBe(after.Count);

        var lessons = await LessonsOfTopicAsync(before[0].Id);
        (await PostAsync($"/topics/{before[0].Id}/delete", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var final = await TopicsAsync("Технология", 7);
        final.Select(t => t.Position).ShouldBe(Enumerable.Range(1, after.Count - 1));
        final.ShouldNotContain(t => t.Id == before[0].Id);
        await using var sql = await DemoAsync();
        foreach (var lesson in lessons)
        {
            (await sql.ScalarAsync<string>("SELECT coalesce(plan_topic_id::text, '') || '|' || topic FROM lessons WHERE id = @l", ("l", lesson)))
                .ShouldStartWith("|", customMessage: "the lesson loses the link, its written topic stays");
        }
    }

    [Fact]
    public async Task The_template_and_the_export_are_excel_books_that_import_back_unchanged()
    {
        var client = await app.SignInAsync("teacher10@demo");
        var template = await client.GetAsync("/s/demo/teacher/plans/template");
        template.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxType);
        using (var book = new XLWorkbook(new MemoryStream(await template.Content.ReadAsByteArrayAsync())))
        {
            var sheet = book.Worksheet(1);
            Enumerable.Range(1, 4).Select(c => sheet.Cell(1, c).GetString()).ShouldBe(["№", "Тема", "Часы", "Домашнее задание"]);
            sheet.LastRowUsed()!.RowNumber().ShouldBe(1);
        }

        var url = await PlanUrlAsync("Химия", 9);
        var topics = await TopicsAsync("Химия", 9);
        var export = await client.GetByteArrayAsync($"{url}/xlsx");
        using (var book = new XLWorkbook(new MemoryStream(export)))
        {
            var sheet = book.Worksheet(1);
            Enumerable.Range(2, topics.Count).Select(r => sheet.Cell(r, 2).GetString()).ShouldBe(topics.Select(t => t.Title));
        }

        var preview = await ParseAsync(await UploadAsync(client, url, export));
        preview.QuerySelector("[role=status]")!.TextContent.ShouldContain($"Уроки сохранят связь с темами, которые остались (по названию или на том же месте): {topics.Count}.");
        (await SaveAsync(client, url, preview)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TopicsAsync("Химия", 9)).ShouldBe(topics);
    }

    [Fact]
    public async Task In_a_browser_the_teacher_picks_a_plan_topic_and_round_trips_a_plan_through_excel()
    {
        await using var sql = await DemoAsync();
        var lesson = await sql.ScalarAsync<Guid>(
            """
            SELECT l.id FROM lessons l JOIN teaching_assignments a ON a.id = l.assignment_id JOIN classes c ON c.id = a.class_id
            JOIN subjects s ON s.id = a.subject_id
            WHERE c.grade = 5 AND c.letter = 'А' AND s.name = 'Математика' AND l.date > @d AND l.topic IS NULL
            ORDER BY l.date, l.lesson_number OFFSET 1 LIMIT 1
            """,
            ("d", Today.AddDays(2)));
        var third = (await TopicsAsync("Математика", 5))[2];
        var (playwright, browser) = await BrowserTests.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "ru-RU" });
        await page.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await page.GetByLabel("Логин").FillAsync("teacher@demo");
        await page.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync("**/s/demo/teacher");

        await page.GotoAsync(new Uri(app.BaseAddress, $"/s/demo/teacher/journal/lesson/{lesson}").ToString());
        await page.GetByLabel("Тема по КТП").SelectOptionAsync(third.Id.ToString());
        await Assertions.Expect(page.GetByLabel("Тема урока")).ToHaveValueAsync(third.Title);
        await Assertions.Expect(page.GetByText($"подставится задание из КТП: «{third.Homework}»")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("table#journal");
        (await sql.ScalarAsync<string>("SELECT plan_topic_id || '|' || topic || '|' || homework FROM lessons WHERE id = @l", ("l", lesson)))
            .ShouldBe($"{third.Id}|{third.Title}|{third.Homework}");

        // The teacher's own plan of informatics, 9th grade: download it, upload it back, save.
        var before = await TopicsAsync("Информатика", 9);
        await page.GotoAsync(new Uri(app.BaseAddress, "/s/demo/teacher").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "КТП", Exact = true }).ClickAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Математика, 5 класс" }).CountAsync()).ShouldBe(1);
        var informatics = await browser.NewPageAsync(new() { Locale = "ru-RU" });
        await informatics.GotoAsync(new Uri(app.BaseAddress, "/login").ToString());
        await informatics.GetByLabel("Логин").FillAsync("teacher12@demo");
        await informatics.GetByLabel("Пароль").FillAsync(JournalApp.DemoPassword);
        await informatics.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await informatics.WaitForURLAsync("**/s/demo/**");
        await informatics.GotoAsync(new Uri(app.BaseAddress, "/s/demo/teacher/plans").ToString());
        await informatics.GetByRole(AriaRole.Link, new() { Name = "Информатика, 9 класс" }).ClickAsync();
        var download = await informatics.RunAndWaitForDownloadAsync(
            () => informatics.GetByRole(AriaRole.Link, new() { Name = "Скачать этот план (.xlsx)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"ktp-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            await informatics.GetByLabel("Файл КТП (.xlsx, до 2 МБ)").SetInputFilesAsync(file);
            await informatics.GetByRole(AriaRole.Button, new() { Name = "Загрузить и проверить" }).ClickAsync();
            await Assertions.Expect(informatics.GetByRole(AriaRole.Status)).ToContainTextAsync($"Ошибок нет: {before.Count} тем");
            await informatics.GetByRole(AriaRole.Button, new() { Name = "Сохранить план" }).ClickAsync();
            await Assertions.Expect(informatics.GetByRole(AriaRole.Status)).ToContainTextAsync("План сохранён.");
        }
        finally
        {
            File.Delete(file);
        }

        (await TopicsAsync("Информатика", 9)).ShouldBe(before);
    }

    [Fact]
    public async Task Plans_are_only_for_teachers_of_the_subject_and_grade_and_the_overview_only_for_the_deputy()
    {
        var maths5 = await PlanUrlAsync("Математика", 5);
        var russian5 = await PlanUrlAsync("Русский язык", 5);
        var maths1 = await PlanUrlAsync("Математика", 1);
        var foreign = await PlanUrlAsync("Математика", 5, "demo2");
        var teacher = await app.SignInAsync("teacher@demo");
        (await teacher.GetAsync(maths5)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teacher.GetAsync(russian5)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacher.GetAsync(maths1)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacher.GetAsync($"{maths5}/xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teacher.GetAsync($"{russian5}/xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacher.GetAsync(foreign.Replace("/s/demo2/", "/s/demo/", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var russianBefore = await TopicsAsync("Русский язык", 5);
        (await UploadAsync(teacher, maths5, Xlsx(Row("Тема", "Часы"), Row("Тема", 1)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = await JournalApp.AntiforgeryTokenAsync(teacher, maths5);
        using (var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Xlsx(Row("Тема", "Часы"), Row("Тема", 170))), "file", "a.xlsx" } })
        {
            (await teacher.PostAsync($"{russian5}/import", content)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await teacher.PostAsync($"{russian5}/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["rows[0].Title"] = "Тема",
            ["rows[0].Hours"] = "170",
            ["__RequestVerificationToken"] = token,
        }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TopicsAsync("Русский язык", 5)).ShouldBe(russianBefore);
        (await teacher.GetAsync("/s/demo/deputy/plans")).Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden");

        foreach (var login in new[] { "student@demo", "parent@demo" })
        {
            var client = await app.SignInAsync(login);
            foreach (var page in new[] { "/s/demo/teacher/plans", maths5, "/s/demo/deputy/plans" })
            {
                var response = await client.GetAsync(page);
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
                response.Headers.Location!.PathAndQueryOrOriginal().ShouldStartWith("/forbidden", customMessage: page);
            }
        }

        foreach (var login in new[] { "teacher@demo2", "deputy@demo2" })
        {
            var client = await app.SignInAsync(login);
            foreach (var page in new[] { "/s/demo/teacher/plans", maths5, "/s/demo/deputy/plans" })
            {
                (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
            }
        }

        var ownTeacher = await app.SignInAsync("teacher@demo2");
        (await ownTeacher.GetAsync(foreign)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ownTeacher.GetAsync(maths5.Replace("/s/demo/", "/s/demo2/", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await app.SignInAsync("deputy@demo")).GetAsync("/s/demo/deputy/plans")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>JRN-6 pages run a fixed number of queries whatever the school's or the plan's size.</summary>
[Collection(nameof(RunAlone))]
public sealed class LessonPlanQueryCountTests(JournalApp app)
{
    private async Task<int> QueriesAsync(string login, string page)
    {
        var client = await app.SignInAsync(login);
        using var counter = new QueryCounter();
        (await client.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK, page);
        return counter.Count;
    }

    private async Task<string> PlanUrlAsync(string slug, string subject, int grade)
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync(slug));
        return $"/s/{slug}/teacher/plans/{await sql.ScalarAsync<Guid>("SELECT id FROM subjects WHERE name = @n", ("n", subject))}/{grade}";
    }

    [Fact]
    public async Task Plan_pages_and_the_deputy_overview_run_the_same_few_queries_for_any_size()
    {
        // Demo has more journals than demo2; maths 5 has two classes and 43 topics, algebra 9 one class and fewer.
        var deputies = new[] { await QueriesAsync("deputy@demo", "/s/demo/deputy/plans"), await QueriesAsync("deputy@demo2", "/s/demo2/deputy/plans") };
        var plans = new[]
        {
            await QueriesAsync("teacher@demo", await PlanUrlAsync("demo", "Математика", 5)),
            await QueriesAsync("teacher5@demo", await PlanUrlAsync("demo", "Алгебра", 9)),
        };
        var lists = new[] { await QueriesAsync("teacher@demo", "/s/demo/teacher/plans"), await QueriesAsync("teacher5@demo", "/s/demo/teacher/plans") };

        deputies.Distinct().Count().ShouldBe(1, string.Join(", ", deputies));
        plans.Distinct().Count().ShouldBe(1, string.Join(", ", plans));
        lists.Distinct().Count().ShouldBe(1, string.Join(", ", lists));
        deputies[0].ShouldBeLessThanOrEqualTo(5);
        plans[0].ShouldBeLessThanOrEqualTo(8);
    }
}
