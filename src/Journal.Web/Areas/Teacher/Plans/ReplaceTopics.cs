using Journal.Domain.Lessons;
using Journal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Journal.Web.Areas.Teacher.Plans;

/// <summary>
/// Writes a plan's whole list of topics in one transaction (the import and the small edits all come
/// here). A topic kept from the old list keeps its id, so the lessons that gave it stay linked
/// wherever it moves; a topic left out is deleted and its lessons lose the link (the topic text
/// written in the journal stays as it was).
/// </summary>
public static class ReplaceTopics
{
    /// <summary>One topic of the new list: an existing one kept (by id) or a new one.</summary>
    public sealed record Desired(Guid? ExistingId, string Title, int Hours, string? Homework);

    public sealed class Handler(JournalDbContext db, TimeProvider time, PlanDetails.Handler plans)
    {
        /// <summary>
        /// Builds the new list from the current topics (read inside the transaction, so two saves never
        /// interleave) and writes it. Null from <paramref name="build"/> means the request named a topic
        /// the plan doesn't have: nothing is written and false comes back. A Russian error comes back when
        /// the write lost a race with a lesson taking a deleted topic.
        /// </summary>
        public async Task<(bool Found, string? Error)> Handle(
            PlanKey key, Guid authorId, Func<IReadOnlyList<PlanDetails.TopicRow>, IReadOnlyList<Desired>?> build,
            CancellationToken cancellationToken)
        {
            var strategy = db.Database.CreateExecutionStrategy();
            try
            {
                return await strategy.ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var lockKey = $"lesson-plan:{key.YearId}:{key.SubjectId}:{key.Grade.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockKey}, 0))", cancellationToken);

                    var plan = await db.LessonPlans.SingleOrDefaultAsync(
                        p => p.AcademicYearId == key.YearId && p.SubjectId == key.SubjectId && p.Grade == key.Grade, cancellationToken);
                    var existing = plan is null ? [] : await plans.TopicsAsync(plan.Id, cancellationToken);
                    var desired = build(existing);
                    if (desired is null)
                    {
                        return (false, (string?)null);
                    }

                    var now = time.GetUtcNow();
                    if (plan is null)
                    {
                        plan = new LessonPlan { AcademicYearId = key.YearId, SubjectId = key.SubjectId, Grade = key.Grade };
                        db.LessonPlans.Add(plan);
                    }

                    plan.AuthorId = authorId;
                    plan.UpdatedAt = now;
                    var known = existing.Select(t => t.Id).ToHashSet();
                    var kept = desired.Where(d => d.ExistingId is { } id && known.Contains(id)).Select(d => d.ExistingId!.Value).ToHashSet();
                    var removed = known.Except(kept).ToList();
                    if (removed.Count > 0)
                    {
                        await db.Lessons.Where(l => l.PlanTopicId != null && removed.Contains(l.PlanTopicId.Value))
                            .ExecuteUpdateAsync(s => s.SetProperty(l => l.PlanTopicId, (Guid?)null), cancellationToken);
                        await db.PlanTopics.Where(t => removed.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
                    }

                    // Positions are unique per plan and checked row by row: move the kept topics out of the
                    // way (negative) first, then give every topic its new place.
                    var planId = plan.Id;
                    await db.PlanTopics.Where(t => t.PlanId == planId)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.Position, t => -t.Position), cancellationToken);
                    var tracked = await db.PlanTopics.Where(t => t.PlanId == planId).ToDictionaryAsync(t => t.Id, cancellationToken);
                    var used = new HashSet<Guid>();
                    for (var i = 0; i < desired.Count; i++)
                    {
                        var d = desired[i];
                        var topic = d.ExistingId is { } id && tracked.TryGetValue(id, out var old) && used.Add(id)
                            ? old
                            : db.PlanTopics.Add(new PlanTopic { PlanId = planId, Title = d.Title }).Entity;
                        topic.Position = i + 1;
                        topic.Title = d.Title;
                        topic.Hours = d.Hours;
                        topic.Homework = d.Homework;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return (true, null);
                });
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
            {
                return (true, "Пока план сохранялся, в журнале выбрали одну из удаляемых тем. Ничего не изменено: повторите сохранение.");
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                return (true, "Пока план сохранялся, в журнале выбрали одну из удаляемых тем. Ничего не изменено: повторите сохранение.");
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
