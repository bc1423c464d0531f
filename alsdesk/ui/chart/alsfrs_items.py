"""ALSFRS-R items and their answer descriptions, from the published scale (Cedarbaum et al. 1999)."""

from __future__ import annotations

from alsdesk.ui.i18n.translate_noop import QT_TRANSLATE_NOOP

# key: (item title, descriptions for scores 4, 3, 2, 1, 0)
ITEMS: dict[str, tuple[str, tuple[str, str, str, str, str]]] = {
    "1": (
        QT_TRANSLATE_NOOP("alsfrs", "1. Speech"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal speech processes"),
            QT_TRANSLATE_NOOP("alsfrs", "Detectable speech disturbance"),
            QT_TRANSLATE_NOOP("alsfrs", "Intelligible with repeating"),
            QT_TRANSLATE_NOOP("alsfrs", "Speech combined with nonvocal communication"),
            QT_TRANSLATE_NOOP("alsfrs", "Loss of useful speech"),
        ),
    ),
    "2": (
        QT_TRANSLATE_NOOP("alsfrs", "2. Salivation"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal"),
            QT_TRANSLATE_NOOP("alsfrs", "Slight but definite excess of saliva in mouth; may have nighttime drooling"),
            QT_TRANSLATE_NOOP("alsfrs", "Moderately excessive saliva; may have minimal drooling"),
            QT_TRANSLATE_NOOP("alsfrs", "Marked excess of saliva with some drooling"),
            QT_TRANSLATE_NOOP("alsfrs", "Marked drooling; requires constant tissue or handkerchief"),
        ),
    ),
    "3": (
        QT_TRANSLATE_NOOP("alsfrs", "3. Swallowing"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal eating habits"),
            QT_TRANSLATE_NOOP("alsfrs", "Early eating problems: occasional choking"),
            QT_TRANSLATE_NOOP("alsfrs", "Dietary consistency changes"),
            QT_TRANSLATE_NOOP("alsfrs", "Needs supplemental tube feeding"),
            QT_TRANSLATE_NOOP("alsfrs", "NPO (exclusively parenteral or enteral feeding)"),
        ),
    ),
    "4": (
        QT_TRANSLATE_NOOP("alsfrs", "4. Handwriting"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal"),
            QT_TRANSLATE_NOOP("alsfrs", "Slow or sloppy: all words are legible"),
            QT_TRANSLATE_NOOP("alsfrs", "Not all words are legible"),
            QT_TRANSLATE_NOOP("alsfrs", "Able to grip pen but unable to write"),
            QT_TRANSLATE_NOOP("alsfrs", "Unable to grip pen"),
        ),
    ),
    "5a": (
        QT_TRANSLATE_NOOP("alsfrs", "5a. Cutting food and handling utensils (no gastrostomy)"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal"),
            QT_TRANSLATE_NOOP("alsfrs", "Somewhat slow and clumsy, but no help needed"),
            QT_TRANSLATE_NOOP("alsfrs", "Can cut most foods, although clumsy and slow; some help needed"),
            QT_TRANSLATE_NOOP("alsfrs", "Food must be cut by someone, but can still feed slowly"),
            QT_TRANSLATE_NOOP("alsfrs", "Needs to be fed"),
        ),
    ),
    "5b": (
        QT_TRANSLATE_NOOP("alsfrs", "5b. Cutting food and handling utensils (with gastrostomy)"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal"),
            QT_TRANSLATE_NOOP("alsfrs", "Clumsy but able to perform all manipulations independently"),
            QT_TRANSLATE_NOOP("alsfrs", "Some help needed with closures and fasteners"),
            QT_TRANSLATE_NOOP("alsfrs", "Provides minimal assistance to caregiver"),
            QT_TRANSLATE_NOOP("alsfrs", "Unable to perform any aspect of task"),
        ),
    ),
    "6": (
        QT_TRANSLATE_NOOP("alsfrs", "6. Dressing and hygiene"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal function"),
            QT_TRANSLATE_NOOP("alsfrs", "Independent and complete self-care with effort or decreased efficiency"),
            QT_TRANSLATE_NOOP("alsfrs", "Intermittent assistance or substitute methods"),
            QT_TRANSLATE_NOOP("alsfrs", "Needs attendant for self-care"),
            QT_TRANSLATE_NOOP("alsfrs", "Total dependence"),
        ),
    ),
    "7": (
        QT_TRANSLATE_NOOP("alsfrs", "7. Turning in bed and adjusting bed clothes"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal"),
            QT_TRANSLATE_NOOP("alsfrs", "Somewhat slow and clumsy, but no help needed"),
            QT_TRANSLATE_NOOP("alsfrs", "Can turn alone or adjust sheets, but with great difficulty"),
            QT_TRANSLATE_NOOP("alsfrs", "Can initiate, but not turn or adjust sheets alone"),
            QT_TRANSLATE_NOOP("alsfrs", "Helpless"),
        ),
    ),
    "8": (
        QT_TRANSLATE_NOOP("alsfrs", "8. Walking"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal"),
            QT_TRANSLATE_NOOP("alsfrs", "Early ambulation difficulties"),
            QT_TRANSLATE_NOOP("alsfrs", "Walks with assistance"),
            QT_TRANSLATE_NOOP("alsfrs", "Nonambulatory functional movement only"),
            QT_TRANSLATE_NOOP("alsfrs", "No purposeful leg movement"),
        ),
    ),
    "9": (
        QT_TRANSLATE_NOOP("alsfrs", "9. Climbing stairs"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "Normal"),
            QT_TRANSLATE_NOOP("alsfrs", "Slow"),
            QT_TRANSLATE_NOOP("alsfrs", "Mild unsteadiness or fatigue"),
            QT_TRANSLATE_NOOP("alsfrs", "Needs assistance"),
            QT_TRANSLATE_NOOP("alsfrs", "Cannot do"),
        ),
    ),
    "10": (
        QT_TRANSLATE_NOOP("alsfrs", "10. Dyspnea"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "None"),
            QT_TRANSLATE_NOOP("alsfrs", "Occurs when walking"),
            QT_TRANSLATE_NOOP("alsfrs", "Occurs with one or more of: eating, bathing, dressing (ADL)"),
            QT_TRANSLATE_NOOP("alsfrs", "Occurs at rest: difficulty breathing when either sitting or lying"),
            QT_TRANSLATE_NOOP("alsfrs", "Significant difficulty: considering using mechanical respiratory support"),
        ),
    ),
    "11": (
        QT_TRANSLATE_NOOP("alsfrs", "11. Orthopnea"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "None"),
            QT_TRANSLATE_NOOP(
                "alsfrs",
                "Some difficulty sleeping at night due to shortness of breath; does not routinely use more than two pillows",
            ),
            QT_TRANSLATE_NOOP("alsfrs", "Needs extra pillows in order to sleep (more than two)"),
            QT_TRANSLATE_NOOP("alsfrs", "Can only sleep sitting up"),
            QT_TRANSLATE_NOOP("alsfrs", "Unable to sleep"),
        ),
    ),
    "12": (
        QT_TRANSLATE_NOOP("alsfrs", "12. Respiratory insufficiency"),
        (
            QT_TRANSLATE_NOOP("alsfrs", "None"),
            QT_TRANSLATE_NOOP("alsfrs", "Intermittent use of BiPAP (NIV)"),
            QT_TRANSLATE_NOOP("alsfrs", "Continuous use of BiPAP (NIV) during the night"),
            QT_TRANSLATE_NOOP("alsfrs", "Continuous use of BiPAP (NIV) during the night and day"),
            QT_TRANSLATE_NOOP("alsfrs", "Invasive mechanical ventilation by intubation or tracheostomy"),
        ),
    ),
}
