using System.Globalization;

namespace Journal.Web.Areas.Teacher.Plans;

/// <summary>
/// JRN-6: small changes to a КТП without Excel: add a topic (at the end or at a place), change one,
/// move it, delete it. The same row rules as the import; a topic keeps its lessons when it moves.
/// </summary>
public static class EditTopic
{
    public sealed class Form
    {
        public string? Title { get; set; }

        /// <summary>As typed; checked like a file's «Часы» cell.</summary>
        public string? Hours { get; set; }

        public string? Homework { get; set; }

        /// <summary>The place in the plan (1…); empty: at the end (a new topic) or where it is.</summary>
        public string? Position { get; set; }
    }

    public sealed record Result(bool Found, IReadOnlyList<string> Errors)
    {
        public static Result NotFound { get; } = new(false, []);

        public static Result Done { get; } = new(true, []);
    }

    public sealed class Handler(ReplaceTopics.Handler replace)
    {
        public Task<Result> AddAsync(PlanKey key, Form form, Guid authorId, CancellationToken cancellationToken) =>
            Change(key, form, authorId, null, cancellationToken);

        public Task<Result> UpdateAsync(PlanKey key, Guid topicId, Form form, Guid authorId, CancellationToken cancellationToken) =>
            Change(key, form, authorId, topicId, cancellationToken);

        public async Task<Result> DeleteAsync(PlanKey key, Guid topicId, Guid authorId, CancellationToken cancellationToken)
        {
            var (found, error) = await replace.Handle(key, authorId, existing =>
                existing.Any(t => t.Id == topicId)
                    ? existing.Where(t => t.Id != topicId).Select(Keep).ToList()
                    : null,
                cancellationToken);
            return new Result(found, error is null ? [] : [error]);
        }

        private async Task<Result> Change(PlanKey key, Form form, Guid authorId, Guid? topicId, CancellationToken cancellationToken)
        {
            var row = ImportPlan.CheckRow(0, form.Title, form.Hours, form.Homework, key.MaxTopicHours);
            var errors = row.Errors.Select(e => char.ToUpper(e[0], CultureInfo.GetCultureInfo("ru-RU")) + e[1..] + ".").ToList();
            int? position = null;
            if (!string.IsNullOrWhiteSpace(form.Position))
            {
                if (int.TryParse(form.Position.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var place) && place >= 1)
                {
                    position = place;
                }
                else
                {
                    errors.Add("Место в плане — целое число от 1.");
                }
            }

            if (errors.Count > 0)
            {
                return new Result(true, errors);
            }

            string? placeError = null;
            var (found, error) = await replace.Handle(key, authorId, existing =>
            {
                var list = existing.Select(Keep).ToList();
                var at = list.Count;
                if (topicId is { } id)
                {
                    at = list.FindIndex(t => t.ExistingId == id);
                    if (at < 0)
                    {
                        return null;
                    }

                    list.RemoveAt(at);
                }

                if (position is { } p && p > list.Count + 1)
                {
                    placeError = $"Место в плане — от 1 до {(list.Count + 1).ToString(CultureInfo.InvariantCulture)}.";
                    return null;
                }

                list.Insert(position is { } wanted ? wanted - 1 : at, new ReplaceTopics.Desired(topicId, row.Title, row.Hours!.Value, row.Homework));
                return list;
            },
            cancellationToken);
            return placeError is not null ? new Result(true, [placeError])
                : new Result(found, error is null ? [] : [error]);
        }

        private static ReplaceTopics.Desired Keep(PlanDetails.TopicRow topic) =>
            new(topic.Id, topic.Title, topic.Hours, topic.Homework);
    }
}
