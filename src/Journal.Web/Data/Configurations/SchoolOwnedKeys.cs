using System.Linq.Expressions;
using Journal.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Journal.Web.Data.Configurations;

/// <summary>
/// The data rule for school-owned tables: key (school_id, id), and every reference to another
/// school-owned table is a composite foreign key starting with school_id, so the database itself
/// refuses a row that points into another school.
/// </summary>
internal static class SchoolOwnedKeys
{
    public static EntityTypeBuilder<T> HasSchoolKey<T>(this EntityTypeBuilder<T> builder)
        where T : SchoolEntity
    {
        builder.HasKey(x => new { x.SchoolId, x.Id });
        return builder;
    }

    /// <summary>A reference to <typeparamref name="TTarget"/> through (school_id, <paramref name="targetId"/>).</summary>
    public static EntityTypeBuilder<T> References<T, TTarget>(
        this EntityTypeBuilder<T> builder, Expression<Func<T, Guid?>> targetId)
        where T : class, ISchoolOwned
        where TTarget : SchoolEntity => builder.References<T, TTarget>(targetId.Body);

    public static EntityTypeBuilder<T> References<T, TTarget>(
        this EntityTypeBuilder<T> builder, Expression<Func<T, Guid>> targetId)
        where T : class, ISchoolOwned
        where TTarget : SchoolEntity => builder.References<T, TTarget>(targetId.Body);

    private static EntityTypeBuilder<T> References<T, TTarget>(this EntityTypeBuilder<T> builder, Expression body)
        where T : class, ISchoolOwned
        where TTarget : SchoolEntity
    {
        var member = (body is UnaryExpression unary ? unary.Operand : body) as MemberExpression
            ?? throw new ArgumentException("Expected a property access.", nameof(body));
        builder.HasOne<TTarget>().WithMany()
            .HasForeignKey(nameof(ISchoolOwned.SchoolId), member.Member.Name)
            .HasPrincipalKey(nameof(SchoolEntity.SchoolId), nameof(SchoolEntity.Id))
            .OnDelete(DeleteBehavior.Restrict);
        return builder;
    }
}
