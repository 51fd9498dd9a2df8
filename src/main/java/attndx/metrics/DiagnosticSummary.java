package attndx.metrics;

import java.util.List;

/**
 * Diagnostic performance of a task (paper 7.4, 7.6).
 *
 * @param perClass binary task: the positive class only; multi-class: each class versus the rest;
 *     multi-label: each label
 * @param macroAuc mean AUC over the classes whose AUC is defined (null for a binary task)
 * @param microAuc AUC of all image-class entries pooled (null for a binary task)
 * @param accuracy top-1 accuracy (null for a multi-label task)
 */
public record DiagnosticSummary(List<ClassMetrics> perClass, Estimate macroAuc, Estimate microAuc, Estimate accuracy) {

    public DiagnosticSummary {
        perClass = List.copyOf(perClass);
    }
}
